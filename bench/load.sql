-- Benchmark data set for tenant 'bench': 200 channels, 10 channel groups, 10,000 SKUs, 50 price lists
-- (~110,000 entries), 20 promotions. Loaded straight with SQL after the server has migrated the schema.
-- Ids are derived from md5 so that reruns are deterministic.
\set ON_ERROR_STOP on
begin;
delete from promotion where tenant_id = 'bench';
delete from price_list_entry where tenant_id = 'bench';
delete from price_list where tenant_id = 'bench';
delete from product where tenant_id = 'bench';
delete from channel_group_member where tenant_id = 'bench';
delete from channel_group where tenant_id = 'bench';
delete from channel where tenant_id = 'bench';

insert into channel (tenant_id, id, code, name, type, status, region, tier, currency)
select 'bench', md5('ch-' || i)::uuid, 'CH-' || lpad(i::text, 3, '0'), 'Channel ' || i,
       (array['DIRECT','ONLINE_STORE','MINI_PROGRAM','MARKETPLACE','DISTRIBUTOR','AGENT','RETAIL_STORE'])[1 + i % 7],
       'ACTIVE', (array['EAST','WEST','NORTH','SOUTH'])[1 + i % 4], (array['GOLD','SILVER','BRONZE'])[1 + i % 3], 'CNY'
from generate_series(1, 200) i;

insert into channel_group (tenant_id, id, code, name)
select 'bench', md5('grp-' || g)::uuid, 'GRP-' || g, 'Group ' || g from generate_series(0, 9) g;
insert into channel_group_member (tenant_id, group_id, channel_id)
select 'bench', md5('grp-' || (i % 10))::uuid, md5('ch-' || i)::uuid from generate_series(1, 200) i;

insert into product (tenant_id, id, sku, name, category, unit, status, floor_price, currency)
select 'bench', md5('p-' || i)::uuid, 'SKU-' || lpad(i::text, 5, '0'), 'Product ' || i, 'cat-' || (i % 20), 'EA', 'ACTIVE',
       10 + i % 100, 'CNY'
from generate_series(1, 10000) i;

-- 1 base list, 4 type lists, 10 group lists, 30 channel lists, 5 customer-group lists = 50
insert into price_list (tenant_id, id, code, name, currency) values ('bench', md5('pl-base')::uuid, 'BASE', 'Base', 'CNY');
insert into price_list (tenant_id, id, code, name, currency, channel_types)
select 'bench', md5('pl-type-' || t)::uuid, 'TYPE-' || t, 'Type ' || t, 'CNY', array[t]
from unnest(array['DISTRIBUTOR','AGENT','RETAIL_STORE','ONLINE_STORE']) t;
insert into price_list (tenant_id, id, code, name, currency, channel_group_ids)
select 'bench', md5('pl-grp-' || g)::uuid, 'GROUP-' || g, 'Group ' || g, 'CNY', array[md5('grp-' || g)::uuid]
from generate_series(0, 9) g;
insert into price_list (tenant_id, id, code, name, currency, channel_ids)
select 'bench', md5('pl-ch-' || c)::uuid, 'CHANNEL-' || c, 'Channel ' || c, 'CNY', array[md5('ch-' || c)::uuid]
from generate_series(1, 30) c;
insert into price_list (tenant_id, id, code, name, currency, customer_groups)
select 'bench', md5('pl-cg-' || g)::uuid, 'CUST-' || g, 'Customers ' || g, 'CNY', array[g]
from unnest(array['VIP','GOLD','STAFF','WHOLESALE','NEW']) g;

insert into price_list_entry (tenant_id, price_list_id, sku, min_quantity, price)
select 'bench', md5('pl-base')::uuid, 'SKU-' || lpad(i::text, 5, '0'), 1, 100 + i % 100 from generate_series(1, 10000) i;
insert into price_list_entry (tenant_id, price_list_id, sku, min_quantity, price)
select 'bench', md5('pl-type-' || t)::uuid, 'SKU-' || lpad(i::text, 5, '0'), q, (case q when 1 then 95 else 90 end) + i % 100
from unnest(array['DISTRIBUTOR','AGENT','RETAIL_STORE','ONLINE_STORE']) with ordinality as tt(t, n),
     generate_series(1, 10000) i, unnest(array[1, 10]) q
where i % 2 = n % 2;
insert into price_list_entry (tenant_id, price_list_id, sku, min_quantity, price)
select 'bench', md5('pl-grp-' || g)::uuid, 'SKU-' || lpad(i::text, 5, '0'), 1, 92 + i % 100
from generate_series(0, 9) g, generate_series(1, 10000) i where i % 5 = g % 5;
insert into price_list_entry (tenant_id, price_list_id, sku, min_quantity, price)
select 'bench', md5('pl-ch-' || c)::uuid, 'SKU-' || lpad(i::text, 5, '0'), 1, 91 + i % 100
from generate_series(1, 30) c, generate_series(1, 10000) i where i % 10 = c % 10;
insert into price_list_entry (tenant_id, price_list_id, sku, min_quantity, price)
select 'bench', md5('pl-cg-' || g)::uuid, 'SKU-' || lpad(i::text, 5, '0'), 1, 93 + i % 100
from unnest(array['VIP','GOLD','STAFF','WHOLESALE','NEW']) with ordinality as gg(g, n), generate_series(1, 10000) i
where i % 5 = n % 5;

insert into promotion (tenant_id, id, code, kind, value, currency, categories, channel_types)
select 'bench', md5('promo-' || k)::uuid, 'PROMO-' || lpad(k::text, 2, '0'),
       (array['PERCENT_OFF','AMOUNT_OFF','FIXED_PRICE'])[1 + k % 3],
       case k % 3 when 0 then 5 + k % 10 when 1 then 3 else 80 end, 'CNY', array['cat-' || k],
       case when k % 2 = 0 then array[]::text[] else array['DISTRIBUTOR'] end
from generate_series(0, 19) k;
commit;
analyze channel; analyze channel_group; analyze channel_group_member; analyze product; analyze price_list;
analyze price_list_entry; analyze promotion;
select (select count(*) from channel where tenant_id = 'bench') as channels,
       (select count(*) from product where tenant_id = 'bench') as products,
       (select count(*) from price_list where tenant_id = 'bench') as price_lists,
       (select count(*) from price_list_entry where tenant_id = 'bench') as entries,
       (select count(*) from promotion where tenant_id = 'bench') as promotions;
