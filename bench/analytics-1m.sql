-- Synthetic analytics data set: tenant 'bench-an', 200 channels, 10,000 SKUs in 20 categories, 1,000,000 orders
-- over 365 days (1-5 lines, 3 on average; 5 % cancelled), written straight into the order tables, then
-- analytics_rebuild. Usage (a database migrated by the application):
--   psql -h HOST -p PORT -U postgres -f bench/analytics-1m.sql
\timing on
\set tenant 'bench-an'
delete from order_line where tenant_id = :'tenant';
delete from sales_order where tenant_id = :'tenant';
delete from product where tenant_id = :'tenant';
delete from channel where tenant_id = :'tenant';

insert into channel (tenant_id, id, code, name, type, status, region)
select :'tenant', gen_random_uuid(), 'CH' || g, 'Channel ' || g,
       (array['DIRECT','ONLINE_STORE','MINI_PROGRAM','MARKETPLACE','DISTRIBUTOR','AGENT','RETAIL_STORE'])[1 + g % 7], 'ACTIVE',
       (array['EAST','WEST','NORTH','SOUTH'])[1 + g % 4]
from generate_series(1, 200) g;

insert into product (tenant_id, id, sku, name, category, status, floor_price)
select :'tenant', gen_random_uuid(), 'SKU-' || g, 'Product ' || g, 'CAT-' || (g % 20), 'ACTIVE', 10
from generate_series(1, 10000) g;

create temp table ch as select row_number() over (order by code) as n, id from channel where tenant_id = :'tenant';

insert into sales_order (tenant_id, id, number, channel_id, customer_id, status, payment_status, currency, total, paid,
                         created_at, updated_at)
select :'tenant', gen_random_uuid(), 'SO-B-' || g, ch.id, null,
       case when g % 20 = 0 then 'CANCELLED' else 'SUBMITTED' end, 'UNPAID', 'CNY', 0, 0,
       t, t
from generate_series(1, 1000000) g
join ch on ch.n = 1 + (g::bigint * 7919) % 200
cross join lateral (select timestamptz '2025-11-27 00:00:00Z' + (g % 365) * interval '1 day' + ((g::bigint * 37) % 86400) * interval '1 second' as t) x;

insert into order_line (tenant_id, order_id, line_no, sku, quantity, list_price, unit_price, line_total)
select o.tenant_id, o.id, l, 'SKU-' || (1 + (abs(hashtext(o.id::text)::bigint) + l * 3571) % 10000), q, 100, 100, 100 * q
from sales_order o
cross join lateral generate_series(1, 1 + abs(hashtext(o.number)::bigint) % 5) l
cross join lateral (select 1 + (l + abs(hashtext(o.number)::bigint)) % 4 as q) qq
where o.tenant_id = :'tenant';

update sales_order o set total = s.t
from (select order_id, sum(line_total) t from order_line where tenant_id = :'tenant' group by order_id) s
where o.tenant_id = :'tenant' and o.id = s.order_id;

vacuum analyze sales_order;
vacuum analyze order_line;
select analytics_rebuild(:'tenant');
vacuum analyze sales_rollup;
select count(*) as orders from sales_order where tenant_id = :'tenant';
select count(*) as lines from order_line where tenant_id = :'tenant';
select dim, grain, count(*) from sales_rollup where tenant_id = :'tenant' group by 1, 2 order by 1, 2;
