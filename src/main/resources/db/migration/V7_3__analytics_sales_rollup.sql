-- Sales rollups kept current in each order's own transaction (placement adds, cancellation subtracts), so the
-- sales report and the scorecard's revenue read a few thousand rows instead of scanning a million orders.
-- Day and month buckets are dates in the tenant time zone (channelhub.analytics.time-zone, default Asia/Shanghai).
--
-- grain   D = day (period is that day), M = month (period is the first day of the month)
-- channel the order's channel, or the nil uuid for "all channels" (kept only for SKU rows, whose
--         channel x SKU cardinality would otherwise be as large as the order lines themselves)
-- dim     T = order totals (dim_key ''), S = per SKU, C = per product category ('' = none)
-- Rows written per order: D/M x channel x T, D/M x channel x C, D x channel x S, D/M x all x S.
create table sales_rollup (
    tenant_id  varchar(64)    not null,
    dim        char(1)        not null check (dim in ('T', 'S', 'C')),
    grain      char(1)        not null check (grain in ('D', 'M')),
    channel_id uuid           not null,
    period     date           not null,
    dim_key    varchar(64)    not null,
    currency   varchar(3)     not null,
    orders     bigint         not null,
    units      bigint         not null,
    revenue    numeric(19, 4) not null,
    primary key (tenant_id, dim, grain, channel_id, period, dim_key, currency)
);

-- The scorecard reads one channel's orders of a period.
create index sales_order_by_channel_time on sales_order (tenant_id, channel_id, created_at);

-- The rollup rows of a set of order lines (the caller filters sales_order / order_line). Orders are counted
-- once per key: the lines are first grouped per (order, key), then counted.
--
-- Adds (p_sign 1) or subtracts (p_sign -1) one order to the rollups in a single statement; rows are upserted in
-- primary-key order so concurrent orders always lock shared rows in the same order (no deadlocks). On placement
-- (p_sign 1) it also answers the SKUs whose available stock (all locations) this order's reservation took from
-- at-or-above to below the SKU's low-stock threshold, so the caller can emit stock.low in the same transaction.
create or replace function analytics_apply_order(p_tenant text, p_order uuid, p_sign integer, p_zone text)
    returns table (sku varchar, product_id uuid, available bigint, threshold bigint)
    language plpgsql as
$$
#variable_conflict use_column
declare
    v_channel uuid;
    v_day     date;
begin
    select o.channel_id, (o.created_at at time zone p_zone)::date into v_channel, v_day
    from sales_order o where o.tenant_id = p_tenant and o.id = p_order;
    if v_channel is null then
        return;
    end if;

    insert into sales_rollup as r (tenant_id, dim, grain, channel_id, period, dim_key, currency, orders, units, revenue)
    select p_tenant, g.dim, g.grain, g.channel_id, g.period, g.dim_key, g.currency,
           p_sign * count(*), p_sign * sum(g.units), p_sign * sum(g.revenue)
    from (select v.dim, v.grain, v.channel_id, v.period, v.dim_key, l.currency, sum(l.quantity) as units, sum(l.line_total) as revenue
          from (select o.currency, ol.sku, coalesce(p.category, '') as category, ol.quantity, ol.line_total
                from sales_order o
                join order_line ol on ol.tenant_id = o.tenant_id and ol.order_id = o.id
                left join product p on p.tenant_id = ol.tenant_id and p.sku = ol.sku
                where o.tenant_id = p_tenant and o.id = p_order) l
          cross join lateral (values
              ('T', 'D', v_channel, v_day, ''::varchar),
              ('T', 'M', v_channel, date_trunc('month', v_day)::date, ''::varchar),
              ('C', 'D', v_channel, v_day, l.category::varchar),
              ('C', 'M', v_channel, date_trunc('month', v_day)::date, l.category::varchar),
              ('S', 'D', v_channel, v_day, l.sku),
              ('S', 'D', '00000000-0000-0000-0000-000000000000'::uuid, v_day, l.sku),
              ('S', 'M', '00000000-0000-0000-0000-000000000000'::uuid, date_trunc('month', v_day)::date, l.sku)
          ) as v(dim, grain, channel_id, period, dim_key)
          group by v.dim, v.grain, v.channel_id, v.period, v.dim_key, l.currency) g
    group by g.dim, g.grain, g.channel_id, g.period, g.dim_key, g.currency
    order by g.dim, g.grain, g.channel_id, g.period, g.dim_key, g.currency
    on conflict (tenant_id, dim, grain, channel_id, period, dim_key, currency) do update
        set orders = r.orders + excluded.orders, units = r.units + excluded.units, revenue = r.revenue + excluded.revenue;

    if p_sign < 0 then
        delete from sales_rollup r
        where r.tenant_id = p_tenant and r.orders = 0 and r.units = 0 and r.revenue = 0
          and r.dim in ('T', 'S', 'C') and r.grain in ('D', 'M')
          and r.channel_id in (v_channel, '00000000-0000-0000-0000-000000000000'::uuid)
          and r.period in (v_day, date_trunc('month', v_day)::date);
        return;
    end if;

    return query
        select t.sku, coalesce(p.id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(s.available, 0)::bigint, t.threshold
        from (select ol.sku, ol.quantity from order_line ol
              join sales_order o on o.tenant_id = ol.tenant_id and o.id = ol.order_id and o.hold_id is null
              where ol.tenant_id = p_tenant and ol.order_id = p_order) q
        join stock_threshold t on t.tenant_id = p_tenant and t.sku = q.sku
        left join product p on p.tenant_id = p_tenant and p.sku = q.sku
        left join lateral (select sum(sl.on_hand - sl.reserved) as available from stock_level sl
                           where sl.tenant_id = p_tenant and sl.sku = q.sku) s on true
        where coalesce(s.available, 0) < t.threshold and coalesce(s.available, 0) + q.quantity >= t.threshold
        order by t.sku;
end;
$$;

-- Recomputes every rollup of one tenant from the order tables (for data loaded straight into the tables, e.g.
-- bench/, or after changing the time zone). Answers the number of rollup rows written.
create or replace function analytics_rebuild(p_tenant text, p_zone text default 'Asia/Shanghai')
    returns bigint
    language plpgsql as
$$
declare
    v_rows bigint;
begin
    delete from sales_rollup where tenant_id = p_tenant;
    insert into sales_rollup (tenant_id, dim, grain, channel_id, period, dim_key, currency, orders, units, revenue)
    select p_tenant, g.dim, g.grain, g.channel_id, g.period, g.dim_key, g.currency, count(*), sum(g.units), sum(g.revenue)
    from (select v.dim, v.grain, v.channel_id, v.period, v.dim_key, l.currency, l.order_id,
                 sum(l.quantity) as units, sum(l.line_total) as revenue
          from (select o.id as order_id, o.channel_id, (o.created_at at time zone p_zone)::date as day, o.currency,
                       ol.sku, coalesce(p.category, '') as category, ol.quantity, ol.line_total
                from sales_order o
                join order_line ol on ol.tenant_id = o.tenant_id and ol.order_id = o.id
                left join product p on p.tenant_id = ol.tenant_id and p.sku = ol.sku
                where o.tenant_id = p_tenant and o.status <> 'CANCELLED') l
          cross join lateral (values
              ('T', 'D', l.channel_id, l.day, ''::varchar),
              ('T', 'M', l.channel_id, date_trunc('month', l.day)::date, ''::varchar),
              ('C', 'D', l.channel_id, l.day, l.category::varchar),
              ('C', 'M', l.channel_id, date_trunc('month', l.day)::date, l.category::varchar),
              ('S', 'D', l.channel_id, l.day, l.sku),
              ('S', 'D', '00000000-0000-0000-0000-000000000000'::uuid, l.day, l.sku),
              ('S', 'M', '00000000-0000-0000-0000-000000000000'::uuid, date_trunc('month', l.day)::date, l.sku)
          ) as v(dim, grain, channel_id, period, dim_key)
          group by v.dim, v.grain, v.channel_id, v.period, v.dim_key, l.currency, l.order_id) g
    group by g.dim, g.grain, g.channel_id, g.period, g.dim_key, g.currency;
    get diagnostics v_rows = row_count;
    return v_rows;
end;
$$;

-- Totals and categories of all channels over a period (no channel fixed): read by period.
create index sales_rollup_by_period on sales_rollup (tenant_id, dim, grain, period) where dim <> 'S';
