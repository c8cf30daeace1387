-- Realistic data for one tenant, generated inside PostgreSQL (generate_series, set-based inserts; nothing
-- goes through the API). Run by bench/generate.sh, which passes the counts as psql variables:
--   tenant n_channels n_customers n_skus n_orders n_leads
-- Everything for the tenant is deleted first, so reruns replace the data set.
--
-- What the data respects (see src/main/resources/db/migration): every unique key (codes, SKUs, identities,
-- order numbers), every check (reserved <= on_hand, paid <= total, shipped <= quantity, delivered <= shipped,
-- MERGED <=> merged_into), the order state machine (COMPLETED = DELIVERED + PAID, DELIVERED is never PAID,
-- shipped quantities and shipments match the status, payments add up to paid), reservations that add up to
-- stock_level.reserved and a stock ledger that adds up to stock_level (an opening SET per level, then one
-- RESERVE per open reservation), and order numbers SO-yyyymmdd-nnnnnn continued by order_number, so orders
-- placed through the API after generation never collide with generated ones.
-- Ids are UUIDv7 taken from the row's creation time (as Ids.newId() makes them), so keyset paging by id stays
-- creation order. Foreign-key triggers are off during the load (session_replication_role = replica) for
-- speed; bench/check.sql verifies the references afterwards.
\set ON_ERROR_STOP on
\set QUIET on
set client_min_messages = warning;
set synchronous_commit = off;
set work_mem = '256MB';
set maintenance_work_mem = '512MB';
set session_replication_role = replica;
select setseed(0.4242) as seed \gset

create function pg_temp.uuid7(ts timestamptz) returns uuid language sql volatile as $$
  select (lpad(to_hex((extract(epoch from ts) * 1000)::bigint), 12, '0') || '7' || substr(h, 14, 3) || substr(h, 17, 16))::uuid
  from (select replace(gen_random_uuid()::text, '-', '') as h) x
$$;

\echo generating tenant :tenant: :n_channels channels, :n_customers customers, :n_skus SKUs, :n_orders orders, :n_leads leads

-- ------------------------------------------------------------------------------------------- clean
select extract(epoch from clock_timestamp()) as t0 \gset
begin;
select format('delete from %I where tenant_id = %L', c.table_name, :'tenant')
from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE' order by c.table_name \gexec
select format('  %-34s %8s s', 'delete previous data', round((extract(epoch from clock_timestamp()) - :t0)::numeric, 1)) as msg \gset
\echo :msg

-- ------------------------------------------------------------------------------------------- channels
select extract(epoch from clock_timestamp()) as t0 \gset
-- Every 20 channels: 1 DISTRIBUTOR (level 1), 3 AGENTs under it (level 2), 8 RETAIL_STOREs under those
-- agents (level 3), then 2 each of DIRECT, ONLINE_STORE, MINI_PROGRAM, MARKETPLACE (owned, no parent).
create temp table g_channel as
select i, pg_temp.uuid7(now() - interval '900 days' + (i * interval '400 days') / :n_channels) as id,
       now() - interval '900 days' + (i * interval '400 days') / :n_channels as created_at,
       case when i % 20 = 0 then 'DISTRIBUTOR' when i % 20 <= 3 then 'AGENT' when i % 20 <= 11 then 'RETAIL_STORE'
            else (array['DIRECT','ONLINE_STORE','MINI_PROGRAM','MARKETPLACE'])[1 + (i % 20 - 12) / 2] end as type,
       case when i % 20 = 0 then null
            when i % 20 <= 3 then i - i % 20
            when i % 20 <= 11 then i - i % 20 + 1 + (i % 20 - 4) % 3
            else null end as parent_i,
       case when i % 50 = 7 then 'SUSPENDED' when i % 50 = 23 then 'APPLIED' when i % 100 = 41 then 'TERMINATED' else 'ACTIVE' end as status
from generate_series(0, :n_channels - 1) i;
-- a parent past the end (the last block can be cut short) is dropped
update g_channel g set parent_i = null where parent_i is not null and parent_i >= :n_channels;
create unique index on g_channel (i);
analyze g_channel;

insert into channel (tenant_id, id, code, name, type, status, region, tier, parent_id, credit_limit, currency,
                     contact_name, contact_phone, contact_email, created_at, updated_at)
select :'tenant', g.id, 'CH-' || lpad(g.i::text, 5, '0'), initcap(lower(g.type)) || ' ' || g.i, g.type, g.status,
       (array['EAST','WEST','NORTH','SOUTH','CENTRAL'])[1 + g.i % 5], (array['GOLD','SILVER','BRONZE'])[1 + g.i % 3],
       p.id, case g.type when 'DISTRIBUTOR' then 50000000 when 'AGENT' then 20000000 end, 'CNY',
       'Contact ' || g.i, '+86137' || lpad(g.i::text, 8, '0'), 'channel' || g.i || '@partners.example.cn', g.created_at, g.created_at
from g_channel g left join g_channel p on p.i = g.parent_i;

insert into channel_status_history (tenant_id, id, channel_id, from_status, to_status, actor, reason, occurred_at)
select :'tenant', pg_temp.uuid7(created_at), id, null, case when status = 'APPLIED' then 'APPLIED' else 'ACTIVE' end,
       'bench-generator', 'generated', created_at from g_channel;
insert into channel_status_history (tenant_id, id, channel_id, from_status, to_status, actor, reason, occurred_at)
select :'tenant', pg_temp.uuid7(created_at + interval '200 days'), id, 'ACTIVE', status, 'bench-generator', 'generated',
       created_at + interval '200 days' from g_channel where status in ('SUSPENDED', 'TERMINATED');
insert into channel_rating (tenant_id, id, channel_id, period, score, tier, rated_by, rated_at)
select :'tenant', pg_temp.uuid7(created_at + interval '90 days'), id, '2026-Q' || (1 + i % 3), 50 + i % 50,
       (array['GOLD','SILVER','BRONZE'])[1 + i % 3], 'bench-generator', created_at + interval '90 days'
from g_channel where type in ('DISTRIBUTOR', 'AGENT', 'RETAIL_STORE');

-- 50 groups: static members (every channel in group i % 50, every 3rd one also in group (i + 7) % 50);
-- the first 5 groups also have a rule (a region each).
insert into channel_group (tenant_id, id, code, name, has_rule, rule_regions)
select :'tenant', pg_temp.uuid7(now() - interval '800 days'), 'GRP-' || lpad(g::text, 2, '0'), 'Group ' || g, g < 5,
       case when g < 5 then array[(array['EAST','WEST','NORTH','SOUTH','CENTRAL'])[1 + g]] end
from generate_series(0, 49) g;
insert into channel_group_member (tenant_id, group_id, channel_id)
select distinct :'tenant', cg.id, c.id
from g_channel c join channel_group cg on cg.tenant_id = :'tenant'
 and (cg.code = 'GRP-' || lpad((c.i % 50)::text, 2, '0') or (c.i % 3 = 0 and cg.code = 'GRP-' || lpad(((c.i + 7) % 50)::text, 2, '0')));
select format('  %-34s %8s s', 'channels, groups', round((extract(epoch from clock_timestamp()) - :t0)::numeric, 1)) as msg \gset
\echo :msg

-- ------------------------------------------------------------------------------------------- customers
select extract(epoch from clock_timestamp()) as t0 \gset
-- Created evenly over the last 30 months; 1 in 200 is MERGED into the customer before it.
create temp table g_customer as
select i, created_at, pg_temp.uuid7(created_at) as id, (i % 200 = 199 and i > 0) as merged,
       (select id from g_channel where i = (x.i::bigint * 7919) % :n_channels) as origin_channel
from (select i, now() - interval '913 days' + (i * interval '912 days') / :n_customers as created_at
      from generate_series(0, :n_customers - 1) i) x;
create unique index on g_customer (i);
analyze g_customer;
alter table g_customer add column current_id uuid;
update g_customer g set current_id = case when g.merged then (select s.id from g_customer s where s.i = g.i - 1) else g.id end;

insert into customer (tenant_id, id, status, merged_into, name, type, customer_group, tags, attributes, origin_channel_id,
                      owner_channel_id, created_at, updated_at)
select :'tenant', g.id, case when g.merged then 'MERGED' else 'ACTIVE' end, case when g.merged then g.current_id end,
       case when g.i % 10 = 0 then 'Company ' || g.i || ' Ltd' else 'Customer ' || g.i end,
       case when g.i % 10 = 0 then 'COMPANY' else 'PERSON' end,
       (array['VIP','GOLD','STAFF','WHOLESALE','NEW',null,null,null,null,null])[1 + g.i % 10],
       case when g.i % 7 = 0 then array['newsletter'] else '{}' end,
       case when g.i % 5 = 0 then jsonb_build_object('birthMonth', 1 + g.i % 12) else '{}'::jsonb end,
       g.origin_channel, case when g.i % 3 = 0 and c.type in ('AGENT', 'RETAIL_STORE', 'DISTRIBUTOR') then c.id end,
       g.created_at, g.created_at
from g_customer g join g_channel c on c.id = g.origin_channel;

insert into customer_merge (tenant_id, id, survivor_id, source_id, reason, merged_by, merged_at)
select :'tenant', pg_temp.uuid7(created_at + interval '1 day'), current_id, id, 'same phone', 'bench-generator', created_at + interval '1 day'
from g_customer where merged;

-- 1 to 3 identities: a phone always, an e-mail for 2 in 3, a WeChat id for 1 in 3. Values are unique per tenant.
insert into customer_identity (tenant_id, id, customer_id, origin_customer_id, kind, value, channel_id, created_at)
select :'tenant', pg_temp.uuid7(g.created_at), g.current_id, g.id, k.kind,
       case k.kind when 'PHONE' then '+86139' || lpad(g.i::text, 8, '0')
                   when 'EMAIL' then 'customer' || g.i || '@example.cn'
                   else 'wx_' || substr(md5('wx' || g.i), 1, 20) end,
       g.origin_channel, g.created_at
from g_customer g
cross join lateral (values ('PHONE', 0), ('EMAIL', 1), ('WECHAT', 2)) as k(kind, n)
where k.n <= g.i % 3;

insert into customer_touchpoint (tenant_id, id, customer_id, origin_customer_id, channel_id, kind, occurred_at, note, actor, created_at)
select :'tenant', pg_temp.uuid7(g.created_at + t.n * interval '3 days'), g.current_id, g.id, g.origin_channel,
       (array['VISIT','INQUIRY','CALL','SERVICE','CAMPAIGN'])[1 + (g.i + t.n) % 5], g.created_at + t.n * interval '3 days',
       'generated', 'bench-generator', g.created_at + t.n * interval '3 days'
from g_customer g cross join generate_series(1, 2) t(n) where g.i % 2 = 0;

insert into customer_history (tenant_id, id, customer_id, action, related_customer_id, channel_id, actor, occurred_at)
select :'tenant', pg_temp.uuid7(created_at), id, 'CREATED', null, origin_channel, 'bench-generator', created_at from g_customer;
insert into customer_history (tenant_id, id, customer_id, action, related_customer_id, channel_id, actor, reason, occurred_at)
select :'tenant', pg_temp.uuid7(created_at + interval '1 day'), current_id, 'MERGED', id, null, 'bench-generator', 'same phone',
       created_at + interval '1 day' from g_customer where merged;
select format('  %-34s %8s s', 'customers, identities', round((extract(epoch from clock_timestamp()) - :t0)::numeric, 1)) as msg \gset
\echo :msg

-- ------------------------------------------------------------------------------------------- catalogue and prices
select extract(epoch from clock_timestamp()) as t0 \gset
create temp table g_product as
select i, 'SKU-' || lpad(i::text, 6, '0') as sku, 'cat-' || lpad((i % 50)::text, 2, '0') as category,
       (100 + i % 100)::numeric as base_price
from generate_series(1, :n_skus) i;
create unique index on g_product (i);
insert into product (tenant_id, id, sku, name, category, unit, status, floor_price, currency, created_at, updated_at)
select :'tenant', pg_temp.uuid7(now() - interval '800 days' + i * interval '1 second'), sku, 'Product ' || i, category,
       (array['EA','BOX','KG'])[1 + i % 3], case when i % 50 = 49 then 'DISCONTINUED' else 'ACTIVE' end, 10 + i % 100, 'CNY',
       now() - interval '800 days', now() - interval '800 days'
from g_product;

-- 100 price lists: 1 base, 7 per channel type, 50 per group, 30 per channel, 5 per customer group, 7 seasonal
-- (valid_from/valid_to, 3 of them over). Entries carry quantity tiers (min 1, 10, 50).
insert into price_list (tenant_id, id, code, name, currency, priority, channel_ids, channel_group_ids, channel_types, customer_groups,
                        valid_from, valid_to)
select :'tenant', pg_temp.uuid7(now() - interval '700 days'), code, name, 'CNY', priority,
       coalesce(ch, '{}'), coalesce(grp, '{}'), coalesce(types, '{}'), coalesce(cg, '{}'), vf, vt
from (
  select 'BASE' as code, 'Base' as name, null::int as priority, null::uuid[] as ch, null::uuid[] as grp, null::text[] as types,
         null::text[] as cg, null::timestamptz as vf, null::timestamptz as vt
  union all
  select 'TYPE-' || t, 'Type ' || t, null, null, null, array[t], null, null, null
  from unnest(array['DIRECT','ONLINE_STORE','MINI_PROGRAM','MARKETPLACE','DISTRIBUTOR','AGENT','RETAIL_STORE']) t
  union all
  select 'GROUP-' || lpad(g::text, 2, '0'), 'Group ' || g, null, null,
         array[(select id from channel_group where tenant_id = :'tenant' and code = 'GRP-' || lpad(g::text, 2, '0'))], null, null, null, null
  from generate_series(0, 49) g
  union all
  select 'CHANNEL-' || lpad(c.i::text, 5, '0'), 'Channel ' || c.i, null, array[c.id], null, null, null, null, null
  from g_channel c where c.i % greatest(1, :n_channels / 30) = 0 and c.i / greatest(1, :n_channels / 30) < 30
  union all
  select 'CUST-' || g, 'Customers ' || g, null, null, null, null, array[g], null, null
  from unnest(array['VIP','GOLD','STAFF','WHOLESALE','NEW']) g
  union all
  select 'SEASON-' || s, 'Season ' || s, 10, null, null, null, null,
         now() - interval '400 days' + s * interval '60 days', now() - interval '340 days' + s * interval '60 days' + interval '30 days'
  from generate_series(1, 7) s
) x;
create temp table g_list as
select id, code, row_number() over (order by code) as n from price_list where tenant_id = :'tenant';
insert into price_list_entry (tenant_id, price_list_id, sku, min_quantity, price)
select :'tenant', l.id, p.sku, q.min_q,
       round(p.base_price * case when l.code = 'BASE' then 1 when l.code like 'TYPE-%' then 0.95 when l.code like 'GROUP-%' then 0.93
                                 when l.code like 'CHANNEL-%' then 0.91 when l.code like 'CUST-%' then 0.94 else 0.9 end
             * case q.min_q when 1 then 1 when 10 then 0.95 else 0.9 end, 2)
from g_list l
join g_product p on l.code = 'BASE'
                 or (l.code like 'TYPE-%' and p.i % 2 = l.n % 2)
                 or (l.code like 'GROUP-%' and p.i % 10 = l.n % 10)
                 or (l.code like 'CHANNEL-%' and p.i % 20 = l.n % 20)
                 or (l.code like 'CUST-%' and p.i % 5 = l.n % 5)
                 or (l.code like 'SEASON-%' and p.i % 50 = l.n % 50)
cross join (values (1), (10), (50)) q(min_q)
where q.min_q = 1 or (q.min_q = 10 and (l.code = 'BASE' or l.code like 'TYPE-%') and p.i % 2 = 0)
   or (q.min_q = 50 and l.code = 'BASE' and p.i % 4 = 0);

insert into promotion (tenant_id, id, code, name, kind, value, currency, categories, skus, channel_types, customer_groups, min_quantity,
                       valid_from, valid_to)
select :'tenant', pg_temp.uuid7(now() - interval '300 days'), 'PROMO-' || lpad(k::text, 2, '0'), 'Promotion ' || k,
       (array['PERCENT_OFF','AMOUNT_OFF','FIXED_PRICE'])[1 + k % 3],
       case k % 3 when 0 then 5 + k % 10 when 1 then 3 else 80 end, case when k % 3 = 0 then null else 'CNY' end,
       case when k < 12 then array['cat-' || lpad((k * 4)::text, 2, '0')] else '{}' end,
       case when k >= 12 then array(select 'SKU-' || lpad((1 + (k * 37 + j * 101) % :n_skus)::text, 6, '0') from generate_series(1, 5) j)
            else '{}' end,
       case when k % 2 = 0 then '{}' else array['DISTRIBUTOR', 'AGENT'] end,
       case when k % 5 = 4 then array['VIP'] else '{}' end, case when k % 4 = 3 then 5 else 1 end,
       case when k >= 16 then now() - interval '30 days' end, case when k >= 16 then now() + interval '30 days' end
from generate_series(0, 19) k;
select format('  %-34s %8s s', 'products, price lists, promotions', round((extract(epoch from clock_timestamp()) - :t0)::numeric, 1)) as msg \gset
\echo :msg

-- ------------------------------------------------------------------------------------------- stock locations
select extract(epoch from clock_timestamp()) as t0 \gset
-- 10 warehouses serve every channel and stock every SKU; 15 stores serve 3 retail channels each and stock
-- 1 SKU in 15; 5 partner locations serve one distributor each and stock 1 SKU in 5.
create temp table g_location as
select n, case when n <= 10 then 'WH-' || lpad(n::text, 2, '0') when n <= 25 then 'ST-' || lpad((n - 10)::text, 2, '0')
               else 'PT-' || lpad((n - 25)::text, 2, '0') end as code,
       case when n <= 10 then 'WAREHOUSE' when n <= 25 then 'STORE' else 'PARTNER' end as type,
       pg_temp.uuid7(now() - interval '850 days') as id
from generate_series(1, 30) n;
insert into stock_location (tenant_id, id, code, name, type, region, channel_ids, priority)
select :'tenant', l.id, l.code, initcap(lower(l.type)) || ' ' || l.code, l.type, (array['EAST','WEST','NORTH','SOUTH','CENTRAL'])[1 + l.n % 5],
       case when l.type = 'WAREHOUSE' then null
            when l.type = 'STORE' then array(select id from g_channel where type = 'RETAIL_STORE' order by i offset (l.n - 11) * 3 limit 3)
            else array(select id from g_channel where type = 'DISTRIBUTOR' order by i offset (l.n - 26) limit 1) end,
       case when l.type = 'WAREHOUSE' then 20 - l.n else 30 end
from g_location l;
select format('  %-34s %8s s', 'locations', round((extract(epoch from clock_timestamp()) - :t0)::numeric, 1)) as msg \gset
\echo :msg

-- ------------------------------------------------------------------------------------------- orders
select extract(epoch from clock_timestamp()) as t0 \gset
-- Orders spread over the last 24 months (a little more each month), ids and numbers in creation order.
-- Status by age: older than 30 days mostly COMPLETED (8 % CANCELLED, 5 % DELIVERED and not fully paid),
-- 7-30 days a mix of SHIPPED/DELIVERED/COMPLETED, the last 7 days everything from SUBMITTED on.
create temp table g_order as
select o, ts, date(ts at time zone 'UTC') as day, c.id as channel_id, c.type as channel_type, cu.current_id as customer_id,
       cu.id as origin_customer_id, r, nlines, age, sku_base, least(interval '1 day', (now() - ts) / 4) as step,
       case when age > 30 then case when r < 8 then 'CANCELLED' when r < 13 then 'DELIVERED' else 'COMPLETED' end
            when age > 7 then case when r < 8 then 'CANCELLED' when r < 30 then 'SHIPPED' when r < 50 then 'DELIVERED' else 'COMPLETED' end
            else case when r < 10 then 'CANCELLED' when r < 35 then 'SUBMITTED' when r < 60 then 'CONFIRMED'
                      when r < 70 and nlines >= 2 then 'PARTIALLY_SHIPPED' when r < 85 then 'SHIPPED' else 'DELIVERED' end end as status
from (
  select o, ts, extract(epoch from now() - ts) / 86400 as age, floor(random() * 100)::int as r, 1 + floor(random() * 4)::int as nlines,
         -- channels: skewed towards the first ones; an APPLIED (never active) channel is replaced by the next one
         (floor(:n_channels * power(random(), 1.5))::int) as ch_i, floor(:n_skus * power(random(), 2))::int as sku_base,
         -- customers: one that existed when the order was placed; 15 % of orders are anonymous
         case when random() < 0.85 then floor(:n_customers * (1 - (extract(epoch from now() - ts) / 86400 + 1) / 913.0) * random())::int end as cu_i
  from (select o, now() - interval '730 days' * (1 - power(o::float8 / :n_orders, 0.8)) - interval '1 minute' as ts
        from generate_series(1, :n_orders) o) t
) x
join g_channel c on c.i = case when x.ch_i % 50 = 23 then (x.ch_i + 1) % :n_channels else x.ch_i end
left join g_customer cu on cu.i = x.cu_i;
alter table g_order add column id uuid, add column number text, add column payment_status text;
update g_order set id = pg_temp.uuid7(ts);
-- numbers: per UTC day in creation order
update g_order g set number = 'SO-' || to_char(g.day, 'YYYYMMDD') || '-' || lpad(n.n::text, 6, '0')
from (select o, row_number() over (partition by day order by ts, o) as n from g_order) n where n.o = g.o;
-- payments: COMPLETED is PAID, DELIVERED never PAID (it would be COMPLETED), prepaid online orders are PAID early
update g_order set payment_status = case
  when status = 'COMPLETED' then 'PAID'
  when status = 'CANCELLED' then 'UNPAID'
  when status = 'DELIVERED' then case when r % 2 = 0 then 'PARTIALLY_PAID' else 'UNPAID' end
  when channel_type in ('ONLINE_STORE', 'MINI_PROGRAM', 'MARKETPLACE') then 'PAID'
  when r % 3 = 0 then 'PARTIALLY_PAID' else 'UNPAID' end;
create unique index on g_order (o);
analyze g_order;

-- lines: distinct SKUs per order (popular SKUs more often), prices from the base list with the channel's discount
create temp table g_line as
select g.o, k as line_no, p.sku, p.i as sku_i, 1 + floor(random() * 10)::int as quantity, p.base_price as list_price,
       round(p.base_price * (case when g.channel_type in ('DISTRIBUTOR', 'AGENT', 'RETAIL_STORE') then 0.95 else 1 end), 2) as unit_price,
       1 + (g.o + k) % 10 as wh
from g_order g
cross join lateral generate_series(1, g.nlines) k
join g_product p on p.i = 1 + ((g.sku_base + (k - 1) * 7919) % :n_skus);
create index on g_line (o);
analyze g_line;
-- two lines of one order on the same SKU (tiny catalogues) are merged into the first
delete from g_line a using g_line b where a.o = b.o and a.sku = b.sku and a.line_no > b.line_no;
-- a partially shipped order needs two lines (line 1 shipped, the rest not); with one left it is CONFIRMED
update g_order g set status = 'CONFIRMED' from (select o from g_line group by o having count(*) < 2) one
where g.status = 'PARTIALLY_SHIPPED' and one.o = g.o;
alter table g_line add column line_total numeric, add column shipped int, add column delivered int;
update g_line l set line_total = l.unit_price * l.quantity,
  shipped = case when g.status in ('SHIPPED', 'DELIVERED', 'COMPLETED') then l.quantity
                 when g.status = 'PARTIALLY_SHIPPED' and l.line_no = 1 then l.quantity else 0 end,
  delivered = case when g.status in ('DELIVERED', 'COMPLETED') then l.quantity else 0 end
from g_order g where g.o = l.o;
alter table g_order add column total numeric, add column paid numeric;
update g_order g set total = t.total, paid = case g.payment_status when 'PAID' then t.total when 'PARTIALLY_PAID' then round(t.total / 2, 2) else 0 end
from (select o, sum(line_total) as total from g_line group by o) t where t.o = g.o;
analyze g_line;

insert into sales_order (tenant_id, id, number, channel_id, customer_id, origin_customer_id, status, payment_status, currency, total, paid,
                         shipping_address, note, external_ref, idempotency_key, hold_id, cancel_reason, created_by, version, created_at, updated_at)
select :'tenant', g.id, g.number, g.channel_id, g.customer_id, g.customer_id, g.status, g.payment_status, 'CNY', g.total, g.paid,
       case when g.o % 2 = 0 then jsonb_build_object('name', 'Receiver ' || g.o, 'phone', '+86139' || lpad((g.o % 100000000)::text, 8, '0'),
            'line1', g.o || ' Generated Road', 'city', (array['Shanghai','Beijing','Shenzhen','Hangzhou','Chengdu'])[1 + g.o % 5],
            'country', 'CN') end,
       null, case when g.channel_type = 'MARKETPLACE' then 'MP-' || g.o end, null, null,
       case when g.status = 'CANCELLED' then 'customer changed their mind' end, 'bench-generator',
       1 + case g.status when 'SUBMITTED' then 0 when 'CONFIRMED' then 1 when 'CANCELLED' then 1 when 'PARTIALLY_SHIPPED' then 2
                         when 'SHIPPED' then 2 when 'DELIVERED' then 3 else 4 end + case when g.paid > 0 then 1 else 0 end,
       g.ts, g.ts + case g.status when 'SUBMITTED' then interval '0' else 2 * g.step end
from g_order g;
-- the customer the order was placed for may have been merged since: customer_id follows the merge
update sales_order s set origin_customer_id = g.origin_customer_id from g_order g
where s.tenant_id = :'tenant' and s.id = g.id and g.origin_customer_id <> g.customer_id;

insert into order_line (tenant_id, order_id, line_no, sku, quantity, list_price, unit_price, line_total, price_list_code, promotion_code,
                        floor_applied, shipped, delivered)
select :'tenant', g.id, l.line_no, l.sku, l.quantity, l.list_price, l.unit_price, l.line_total,
       case when l.unit_price < l.list_price then 'TYPE-' || g.channel_type else 'BASE' end, null, false, l.shipped, l.delivered
from g_line l join g_order g on g.o = l.o;
select format('  %-34s %8s s', 'orders, lines', round((extract(epoch from clock_timestamp()) - :t0)::numeric, 1)) as msg \gset
\echo :msg

select extract(epoch from clock_timestamp()) as t0 \gset
-- one shipment per order that shipped anything (from the line's warehouse), delivered when the order is
create temp table g_shipment as
select g.o, g.id as order_id, pg_temp.uuid7(g.ts + g.step) as id, g.ts + g.step as shipped_at,
       case when g.status in ('DELIVERED', 'COMPLETED') then g.ts + 2 * g.step end as delivered_at
from g_order g where g.status in ('PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED');
insert into order_shipment (tenant_id, id, order_id, status, carrier, tracking_no, created_by, shipped_at, delivered_at)
select :'tenant', s.id, s.order_id, case when s.delivered_at is null then 'SHIPPED' else 'DELIVERED' end,
       (array['SF','JD','ZTO','YTO'])[1 + s.o % 4], 'T' || lpad(s.o::text, 12, '0'), 'bench-generator', s.shipped_at, s.delivered_at
from g_shipment s;
insert into order_shipment_line (tenant_id, shipment_id, order_id, sku, location_code, quantity)
select :'tenant', s.id, s.order_id, l.sku, 'WH-' || lpad(l.wh::text, 2, '0'), l.shipped
from g_shipment s join g_line l on l.o = s.o where l.shipped > 0;
-- payments: one per paid order (two halves for 1 in 4 fully paid), none for unpaid
insert into order_payment (tenant_id, id, order_id, amount, method, reference, received_at, created_by, created_at)
select :'tenant', pg_temp.uuid7(g.ts + g.step + p.n * g.step / 24), g.id,
       case when g.payment_status = 'PAID' and g.o % 4 = 0 then case p.n when 1 then round(g.paid / 2, 2) else g.paid - round(g.paid / 2, 2) end
            else g.paid end,
       (array['BANK_TRANSFER','WECHAT_PAY','ALIPAY','CARD'])[1 + g.o % 4], 'PAY-' || g.o || '-' || p.n,
       g.ts + g.step + p.n * g.step / 24, 'bench-generator', g.ts + g.step + p.n * g.step / 24
from g_order g cross join generate_series(1, 2) p(n)
where g.paid > 0 and (p.n = 1 or (g.payment_status = 'PAID' and g.o % 4 = 0 and round(g.paid / 2, 2) > 0 and g.paid - round(g.paid / 2, 2) > 0));
-- timeline: the events the API would have written, in order
insert into order_event (tenant_id, order_id, type, actor, details, occurred_at)
select :'tenant', g.id, e.type, 'bench-generator', e.details, g.ts + e.after
from g_order g cross join lateral (values
  (1, 'PLACED', jsonb_build_object('number', g.number, 'total', g.total, 'currency', 'CNY'), interval '0', true),
  (2, 'RESERVED', '{}'::jsonb, interval '0', true),
  (3, 'CONFIRMED', '{}'::jsonb, g.step / 24, g.status not in ('SUBMITTED') and not (g.status = 'CANCELLED' and g.r % 2 = 0)),
  (4, 'CANCELLED', jsonb_build_object('reason', 'customer changed their mind'), g.step / 12, g.status = 'CANCELLED'),
  (5, 'RELEASED', '{}'::jsonb, g.step / 12, g.status = 'CANCELLED'),
  (6, 'SHIPPED', '{}'::jsonb, g.step, g.status in ('PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED')),
  (7, 'PAID', jsonb_build_object('amount', g.paid), g.step * 25 / 24, g.paid > 0),
  (8, 'SHIPMENT_DELIVERED', '{}'::jsonb, 2 * g.step, g.status in ('DELIVERED', 'COMPLETED')),
  (9, 'DELIVERED', '{}'::jsonb, 2 * g.step, g.status in ('DELIVERED', 'COMPLETED')),
  (10, 'COMPLETED', '{}'::jsonb, 2 * g.step, g.status = 'COMPLETED')
) as e(n, type, details, after, happened)
where e.happened
order by g.o, e.n;
insert into order_number (tenant_id, day, last)
select :'tenant', day, count(*) from g_order group by day;
insert into lead_order_ref (tenant_id, order_id, channel_id, customer_id, placed_at)
select :'tenant', id, channel_id, customer_id, ts from g_order;
-- channels that saw each customer: the origin channel at creation, then every channel it ordered through
insert into customer_channel (tenant_id, origin_customer_id, channel_id, customer_id, first_seen_at, last_seen_at)
select :'tenant', origin, channel, min(cur::text)::uuid, min(at), max(at)
from (select id as origin, origin_channel as channel, current_id as cur, created_at as at from g_customer
      union all
      select origin_customer_id, channel_id, customer_id, ts from g_order where customer_id is not null) x
group by origin, channel;
select format('  %-34s %8s s', 'shipments, payments, timeline', round((extract(epoch from clock_timestamp()) - :t0)::numeric, 1)) as msg \gset
\echo :msg

-- ------------------------------------------------------------------------------------------- stock
select extract(epoch from clock_timestamp()) as t0 \gset
insert into stock_level (tenant_id, location_id, sku, on_hand, reserved, updated_at)
select :'tenant', l.id, p.sku, 200 + floor(random() * 5000)::bigint, 0, now() - interval '7 days'
from g_location l join g_product p on l.type = 'WAREHOUSE' or (l.type = 'STORE' and p.i % 15 = l.n - 11)
                                   or (l.type = 'PARTNER' and p.i % 5 = l.n - 26);
-- open orders hold reservations at the line's warehouse; a partially shipped order's shipped line is spent
insert into stock_reservation (tenant_id, owner_type, owner_id, location_id, sku, quantity, shipped)
select :'tenant', 'ORDER', g.id, w.id, l.sku, l.quantity - l.shipped, l.shipped
from g_order g join g_line l on l.o = g.o join g_location w on w.n = l.wh
where g.status in ('SUBMITTED', 'CONFIRMED', 'PARTIALLY_SHIPPED');
update stock_level s set reserved = r.q, on_hand = greatest(s.on_hand, r.q)
from (select location_id, sku, sum(quantity) as q from stock_reservation where tenant_id = :'tenant' group by location_id, sku) r
where s.tenant_id = :'tenant' and s.location_id = r.location_id and s.sku = r.sku;
-- ledger: an opening SET per level, then one RESERVE per open reservation in placement order
insert into stock_ledger (tenant_id, location_id, sku, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, reason, actor,
                          occurred_at)
select :'tenant', location_id, sku, 'SET', on_hand, 0, on_hand, 0, 'opening stock (bench generator)', 'bench-generator', now() - interval '8 days'
from stock_level where tenant_id = :'tenant' order by location_id, sku;
insert into stock_ledger (tenant_id, location_id, sku, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, ref_type, ref_id,
                          actor, occurred_at)
select :'tenant', r.location_id, r.sku, 'RESERVE', 0, r.quantity, s.on_hand,
       sum(r.quantity) over (partition by r.location_id, r.sku order by g.ts, g.o), 'ORDER', r.owner_id, 'bench-generator', g.ts
from stock_reservation r join g_order g on g.id = r.owner_id
join stock_level s on s.tenant_id = r.tenant_id and s.location_id = r.location_id and s.sku = r.sku
where r.tenant_id = :'tenant' and r.quantity > 0
order by g.ts, g.o, r.sku;
select format('  %-34s %8s s', 'stock, reservations, ledger', round((extract(epoch from clock_timestamp()) - :t0)::numeric, 1)) as msg \gset
\echo :msg

-- ------------------------------------------------------------------------------------------- leads
select extract(epoch from clock_timestamp()) as t0 \gset
-- 5 % UNASSIGNED, 10 % NEW (deadline ahead), 25 % ACCEPTED, 30 % CONVERTED (to a real order of the customer, through
-- the order's channel), 30 % LOST. Assigned leads have their assignment row.
create temp table g_lead as
select n, x.status, o.o, coalesce(o.customer_id, cu.current_id) as customer_id, coalesce(o.origin_customer_id, cu.id) as original_customer_id,
       coalesce(o.ts - interval '10 days', now() - interval '1 day' * case x.status when 'NEW' then random() else 20 + random() * 600 end) as created_at,
       case when x.status <> 'UNASSIGNED' then coalesce(o.channel_id, ch.id) end as assigned,
       o.id as order_id, o.channel_id as conversion_channel
from (select n, case when n % 20 = 0 then 'UNASSIGNED' when n % 10 in (1, 2) and n % 20 <> 0 then 'NEW' when n % 20 in (3, 4, 5, 6, 7)
                     then 'ACCEPTED' when n % 20 in (8, 9, 10, 11, 12, 13) then 'CONVERTED' else 'LOST' end as status
      from generate_series(1, :n_leads) n) x
left join g_order o on x.status = 'CONVERTED' and o.o = 1 + (x.n::bigint * 7919) % :n_orders and o.customer_id is not null
left join g_customer cu on cu.i = (x.n::bigint * 104729) % :n_customers
left join g_channel ch on ch.i = (x.n * 31) % :n_channels;
-- a CONVERTED lead whose order had no customer becomes LOST
update g_lead set status = 'LOST', order_id = null, conversion_channel = null where status = 'CONVERTED' and order_id is null;
alter table g_lead add column id uuid;
update g_lead set id = pg_temp.uuid7(created_at);
insert into lead (tenant_id, id, customer_id, original_customer_id, source_channel_id, assigned_channel_id, conversion_channel_id, order_id,
                  status, region, category, estimated_value, currency, note, assigned_at, accept_deadline, accepted_at, closed_at,
                  closed_reason, created_by, created_at, updated_at)
select :'tenant', l.id, l.customer_id, l.original_customer_id, (select id from g_channel where i = (l.n * 13) % :n_channels), l.assigned,
       l.conversion_channel, l.order_id, l.status, (array['EAST','WEST','NORTH','SOUTH','CENTRAL'])[1 + l.n % 5],
       'cat-' || lpad((l.n % 50)::text, 2, '0'), 1000 + (l.n % 100) * 250, 'CNY', 'generated lead',
       case when l.assigned is not null then l.created_at + interval '1 minute' end,
       case when l.status = 'NEW' then l.created_at + interval '48 hours' end,
       case when l.status in ('ACCEPTED', 'CONVERTED') then l.created_at + interval '5 hours' end,
       case when l.status = 'CONVERTED' then l.created_at + interval '10 days' when l.status = 'LOST' then l.created_at + interval '7 days' end,
       case when l.status = 'LOST' then 'went with a competitor' end, 'bench-generator', l.created_at, l.created_at + interval '1 minute'
from g_lead l;
insert into lead_assignment (tenant_id, id, lead_id, channel_id, reason, actor, assigned_at)
select :'tenant', pg_temp.uuid7(created_at + interval '1 minute'), id, assigned, case when n % 3 = 0 then 'MANUAL' else 'RULE' end,
       'bench-generator', created_at + interval '1 minute'
from g_lead where assigned is not null;
select format('  %-34s %8s s', 'leads', round((extract(epoch from clock_timestamp()) - :t0)::numeric, 1)) as msg \gset
\echo :msg

select extract(epoch from clock_timestamp()) as t0 \gset
commit;
select format('  %-34s %8s s', 'commit', round((extract(epoch from clock_timestamp()) - :t0)::numeric, 1)) as msg \gset
\echo :msg
