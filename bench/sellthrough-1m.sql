-- Sell-through at scale (issue 19): tenant 'bench-st', 50 partner channels, 2,000 SKUs, 1,000,000 sell-out lines over
-- 365 days (channel CH1 alone has 200,000: the worst case for one report), 2,000 own purchases of CH1 shipped over the
-- year (6,000 shipment lines), weekly stock snapshots (CH1: 2,000 SKUs a week, the others 300). The lines and the daily
-- aggregate are written by the same statement shape as SellThroughRepository.INSERT_SELL_OUT. Then the report's and
-- the scorecard's statements (ChannelInventoryRepository.PAGE / TOTALS, copied verbatim) are timed, warm.
-- Usage (a database migrated by the application):
--   psql -h HOST -p PORT -U postgres -f bench/sellthrough-1m.sql        or   bench/sellthrough-1m.sh
\timing off
\set tenant 'bench-st'
delete from sell_out_line where tenant_id = :'tenant';
delete from sell_out_daily where tenant_id = :'tenant';
delete from sell_out_monthly where tenant_id = :'tenant';
delete from stock_report_line where tenant_id = :'tenant';
delete from order_shipment_line where tenant_id = :'tenant';
delete from order_shipment where tenant_id = :'tenant';
delete from sales_order where tenant_id = :'tenant';
delete from product where tenant_id = :'tenant';
delete from channel where tenant_id = :'tenant';

insert into channel (tenant_id, id, code, name, type, status)
select :'tenant', gen_random_uuid(), 'CH' || g, 'Channel ' || g, 'DISTRIBUTOR', 'ACTIVE' from generate_series(1, 50) g;
insert into product (tenant_id, id, sku, name, status)
select :'tenant', gen_random_uuid(), 'SKU-' || lpad(g::text, 5, '0'), 'Product ' || g, 'ACTIVE' from generate_series(1, 2000) g;
create temp table ch as select row_number() over (order by code) as n, id from channel where tenant_id = :'tenant';
select id as big from ch where n = 1 \gset

\echo '1,000,000 sell-out lines and their daily aggregate (one statement, as the API writes them)'
\timing on
with ins as (
    insert into sell_out_line (tenant_id, report_id, channel_id, sku, sold_on, quantity, customer_id, reported_by, reported_at)
    select :'tenant', gen_random_uuid(), ch.id, 'SKU-' || lpad((1 + abs(hashtext('s' || g)::bigint) % 2000)::text, 5, '0'),
           current_date - (abs(hashtext('d' || g)::bigint) % 365)::int, 1 + g % 5, null, 'bench', now()
    from generate_series(1, 1000000) g
    join ch on ch.n = case when g % 5 = 0 then 1 else 2 + g % 49 end
    returning channel_id, sku, sold_on, quantity),
daily as (
    insert into sell_out_daily as d (tenant_id, channel_id, day, sku, units)
    select :'tenant', channel_id, sold_on, sku, sum(quantity) from ins group by channel_id, sold_on, sku
    on conflict (tenant_id, channel_id, day, sku) do update set units = d.units + excluded.units)
insert into sell_out_monthly as m (tenant_id, channel_id, month, sku, units)
select :'tenant', channel_id, date_trunc('month', sold_on)::date, sku, sum(quantity) from ins group by 2, 3, 4
on conflict (tenant_id, channel_id, month, sku) do update set units = m.units + excluded.units;
\timing off

insert into sales_order (tenant_id, id, number, channel_id, customer_id, status, payment_status, currency, total, paid, created_at, updated_at)
select :'tenant', gen_random_uuid(), 'SO-ST-' || g, :'big', null, 'SHIPPED', 'UNPAID', 'CNY', 0, 0,
       now() - (g % 365) * interval '1 day', now() - (g % 365) * interval '1 day'
from generate_series(1, 2000) g;
insert into order_shipment (tenant_id, id, order_id, status, shipped_at)
select tenant_id, gen_random_uuid(), id, 'SHIPPED', created_at + interval '1 hour' from sales_order where tenant_id = :'tenant';
insert into order_shipment_line (tenant_id, shipment_id, order_id, sku, location_code, quantity)
select s.tenant_id, s.id, s.order_id, 'SKU-' || lpad((1 + (abs(hashtext(s.id::text)::bigint) + l * 641) % 2000)::text, 5, '0'), 'WH', 10 + l
from order_shipment s cross join generate_series(1, 3) l where s.tenant_id = :'tenant'
on conflict do nothing;

insert into stock_report_line (tenant_id, channel_id, sku, report_date, quantity, reported_by, reported_at)
select :'tenant', ch.id, 'SKU-' || lpad(s::text, 5, '0'), current_date - w * 7, (s * 13 + w) % 500, 'bench', now()
from ch cross join generate_series(0, 51) w
cross join lateral generate_series(1, case when ch.n = 1 then 2000 else 300 end) s;
analyze sell_out_line; analyze sell_out_daily; analyze stock_report_line; analyze sales_order; analyze order_shipment;
analyze order_shipment_line;

select (select count(*) from sell_out_line where tenant_id = :'tenant') as sell_out_lines,
       (select count(*) from sell_out_line where tenant_id = :'tenant' and channel_id = :'big') as lines_of_ch1,
       (select count(*) from sell_out_daily where tenant_id = :'tenant') as daily_rows,
       (select count(*) from sell_out_daily where tenant_id = :'tenant' and channel_id = :'big') as daily_rows_of_ch1,
       (select count(*) from stock_report_line where tenant_id = :'tenant') as stock_rows;

-- ChannelInventoryRepository.PAGE, verbatim ($9, $10: the whole months)
prepare page(text, uuid, date, date, timestamptz, timestamptz, text, int, date, date) as
with so as (select sku, sum(units) as sell_out from (
                select sku, units from sell_out_monthly
                where tenant_id = $1 and channel_id = $2 and month >= $9 and month < $10
                union all
                select sku, units from sell_out_daily
                where tenant_id = $1 and channel_id = $2 and ((day >= $3 and day < $9) or (day >= $10 and day <= $4))) u
            group by sku),
si as (select sl.sku, sum(sl.quantity) as sell_in
       from sales_order o
       join order_shipment s on s.tenant_id = o.tenant_id and s.order_id = o.id and s.shipped_at >= $5 and s.shipped_at < $6
       join order_shipment_line sl on sl.tenant_id = s.tenant_id and sl.shipment_id = s.id
       where o.tenant_id = $1 and o.channel_id = $2 and o.customer_id is null
       group by sl.sku),
st as (with recursive skus (sku) as (
           (select sku from stock_report_line where tenant_id = $1 and channel_id = $2 order by sku limit 1)
           union all
           select (select r.sku from stock_report_line r where r.tenant_id = $1 and r.channel_id = $2 and r.sku > skus.sku
                   order by r.sku limit 1)
           from skus where skus.sku is not null)
       select l.sku, l.quantity, l.report_date from skus
       cross join lateral (select r.sku, r.quantity, r.report_date from stock_report_line r
                           where r.tenant_id = $1 and r.channel_id = $2 and r.sku = skus.sku and r.report_date <= $4
                           order by r.report_date desc limit 1) l),
k as (select sku from so union select sku from si union select sku from st)
select k.sku, coalesce(si.sell_in, 0) as sell_in, coalesce(so.sell_out, 0) as sell_out,
       st.quantity as reported_stock, st.report_date as reported_at
from k left join so on so.sku = k.sku left join si on si.sku = k.sku left join st on st.sku = k.sku
where $7::text is null or k.sku collate "C" > $7::text
order by k.sku collate "C" limit $8;

-- ChannelInventoryRepository.TOTALS, verbatim
prepare totals(text, uuid, date, date, timestamptz, timestamptz, text, int, date, date) as
with so as (select sku, sum(units) as sell_out from (
                select sku, units from sell_out_monthly
                where tenant_id = $1 and channel_id = $2 and month >= $9 and month < $10
                union all
                select sku, units from sell_out_daily
                where tenant_id = $1 and channel_id = $2 and ((day >= $3 and day < $9) or (day >= $10 and day <= $4))) u
            group by sku),
si as (select sl.sku, sum(sl.quantity) as sell_in
       from sales_order o
       join order_shipment s on s.tenant_id = o.tenant_id and s.order_id = o.id and s.shipped_at >= $5 and s.shipped_at < $6
       join order_shipment_line sl on sl.tenant_id = s.tenant_id and sl.shipment_id = s.id
       where o.tenant_id = $1 and o.channel_id = $2 and o.customer_id is null
       group by sl.sku)
select (select coalesce(sum(sell_out), 0) from so) as sell_out, (select coalesce(sum(sell_in), 0) from si) as sell_in,
       $7::text as unused_cursor, $8::int as unused_limit;

\set yfrom `date -d '364 days ago' +%F`
\set mfrom `date -d '29 days ago' +%F`
\set today `date +%F`
-- ChannelInventoryRepository.wholeMonths: [first whole month, first day after the last whole month); none: both to + 1
\set ym1 `d=$(date -d '364 days ago' +%F); [ "$(date -d "$d" +%d)" = 01 ] && echo $d || date -d "$(date -d "$d" +%Y-%m-01) +1 month" +%F`
\set ym2 `date -d "$(date -d tomorrow +%Y-%m-01)" +%F`
\set mm1 `date -d tomorrow +%F`
\set mm2 `date -d tomorrow +%F`
\o /dev/null
execute page(:'tenant', :'big', :'yfrom', :'today', :'yfrom', now() + interval '1 day', null, 51, :'ym1', :'ym2');
\o
\echo 'CH1 (200,000 lines), a whole year, first page of 50 (3 runs):'
\timing on
\o /dev/null
execute page(:'tenant', :'big', :'yfrom', :'today', :'yfrom', now() + interval '1 day', null, 51, :'ym1', :'ym2');
execute page(:'tenant', :'big', :'yfrom', :'today', :'yfrom', now() + interval '1 day', null, 51, :'ym1', :'ym2');
execute page(:'tenant', :'big', :'yfrom', :'today', :'yfrom', now() + interval '1 day', null, 51, :'ym1', :'ym2');
\o
\echo 'CH1, a whole year, the last page (after SKU-01990, 3 runs):'
\o /dev/null
execute page(:'tenant', :'big', :'yfrom', :'today', :'yfrom', now() + interval '1 day', 'SKU-01990', 51, :'ym1', :'ym2');
execute page(:'tenant', :'big', :'yfrom', :'today', :'yfrom', now() + interval '1 day', 'SKU-01990', 51, :'ym1', :'ym2');
execute page(:'tenant', :'big', :'yfrom', :'today', :'yfrom', now() + interval '1 day', 'SKU-01990', 51, :'ym1', :'ym2');
\o
\echo 'CH1, the default 30 days (3 runs):'
\o /dev/null
execute page(:'tenant', :'big', :'mfrom', :'today', :'mfrom', now() + interval '1 day', null, 51, :'mm1', :'mm2');
execute page(:'tenant', :'big', :'mfrom', :'today', :'mfrom', now() + interval '1 day', null, 51, :'mm1', :'mm2');
execute page(:'tenant', :'big', :'mfrom', :'today', :'mfrom', now() + interval '1 day', null, 51, :'mm1', :'mm2');
\o
\echo 'scorecard sellThroughRate of CH1, a whole year (3 runs):'
\o /dev/null
execute totals(:'tenant', :'big', :'yfrom', :'today', :'yfrom', now() + interval '1 day', null, null, :'ym1', :'ym2');
execute totals(:'tenant', :'big', :'yfrom', :'today', :'yfrom', now() + interval '1 day', null, null, :'ym1', :'ym2');
execute totals(:'tenant', :'big', :'yfrom', :'today', :'yfrom', now() + interval '1 day', null, null, :'ym1', :'ym2');
\o
\timing off
explain (analyze, buffers, costs off, timing off, summary on)
execute page(:'tenant', :'big', :'yfrom', :'today', :'yfrom', now() + interval '1 day', null, 51, :'ym1', :'ym2');
