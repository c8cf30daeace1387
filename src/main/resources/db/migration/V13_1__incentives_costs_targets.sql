-- Incentives (API-CONTRACT-2 §8): product cost, the cost recorded on each order line at placement, cost of goods in the
-- sales rollups (so profitability stays one statement over the rollups), and channel targets.

-- What one unit costs the brand, in the product's currency (manager/admin; never shown to partners or sales).
alter table product add column cost_price numeric(19, 4) check (cost_price >= 0);

-- The product's cost_price at placement when the order is in the product's currency, else null (no cost known).
-- Written by the order insert itself; a later cost change never rewrites it.
alter table order_line add column unit_cost numeric(19, 4);

-- Cost of goods of the rollup's lines: sum(quantity x unit_cost) (lines without a cost count 0). Refunds do not change
-- it (docs/KPIS.md "Profitability").
alter table sales_rollup add column cost numeric(19, 4) not null default 0;

-- As V8_1, plus cost of goods.
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

    insert into sales_rollup as r (tenant_id, dim, grain, channel_id, period, dim_key, currency, orders, units, revenue, cost)
    select p_tenant, g.dim, g.grain, g.channel_id, g.period, g.dim_key, g.currency,
           p_sign * count(*), p_sign * sum(g.units), p_sign * sum(g.revenue), p_sign * sum(g.cost)
    from (select v.dim, v.grain, v.channel_id, v.period, v.dim_key, l.currency, sum(l.quantity) as units, sum(l.line_total) as revenue,
                 sum(l.cost) as cost
          from (select o.currency, ol.sku, coalesce(p.category, '') as category, ol.quantity, ol.line_total,
                       ol.quantity * coalesce(ol.unit_cost, 0) as cost
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
        set orders = r.orders + excluded.orders, units = r.units + excluded.units, revenue = r.revenue + excluded.revenue,
            cost = r.cost + excluded.cost;

    if p_sign < 0 then
        delete from sales_rollup r
        where r.tenant_id = p_tenant and r.orders = 0 and r.units = 0 and r.revenue = 0 and r.cost = 0
          and r.dim in ('T', 'S', 'C') and r.grain in ('D', 'M')
          and r.channel_id in (v_channel, '00000000-0000-0000-0000-000000000000'::uuid)
          and r.period in (v_day, date_trunc('month', v_day)::date);
        return;
    end if;

    return query
        select q.sku, c.product_id, c.available, c.threshold
        from (select ol.sku, ol.quantity from order_line ol
              join sales_order o on o.tenant_id = ol.tenant_id and o.id = ol.order_id and o.hold_id is null
              where ol.tenant_id = p_tenant and ol.order_id = p_order) q
        cross join lateral stock_low_crossing(p_tenant, q.sku, q.quantity) c
        order by q.sku;
end;
$$;

-- As V12_1, plus cost of goods.
create or replace function analytics_rebuild(p_tenant text, p_zone text default 'Asia/Shanghai')
    returns bigint
    language plpgsql as
$$
declare
    v_rows bigint;
    v_refund uuid;
begin
    delete from sales_rollup where tenant_id = p_tenant;
    insert into sales_rollup (tenant_id, dim, grain, channel_id, period, dim_key, currency, orders, units, revenue, cost)
    select p_tenant, g.dim, g.grain, g.channel_id, g.period, g.dim_key, g.currency, count(*), sum(g.units), sum(g.revenue), sum(g.cost)
    from (select v.dim, v.grain, v.channel_id, v.period, v.dim_key, l.currency, l.order_id,
                 sum(l.quantity) as units, sum(l.line_total) as revenue, sum(l.cost) as cost
          from (select o.id as order_id, o.channel_id, (o.created_at at time zone p_zone)::date as day, o.currency,
                       ol.sku, coalesce(p.category, '') as category, ol.quantity, ol.line_total,
                       ol.quantity * coalesce(ol.unit_cost, 0) as cost
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
    for v_refund in select id from order_refund where tenant_id = p_tenant order by id loop
        perform analytics_apply_refund(p_tenant, v_refund, p_zone);
    end loop;
    select count(*) into v_rows from sales_rollup where tenant_id = p_tenant;
    return v_rows;
end;
$$;

-- A channel's target for a year (2026), quarter (2026-Q4) or month (2026-12); [period_start, period_end) are dates in
-- the tenant time zone. Actuals are computed when read (docs/KPIS.md "Targets").
create table channel_target (
    tenant_id     varchar(64)    not null,
    id            uuid           not null,
    channel_id    uuid           not null,
    period        varchar(7)     not null,
    period_start  date           not null,
    period_end    date           not null,
    revenue       numeric(19, 4) not null check (revenue > 0),
    new_customers integer        check (new_customers >= 0),
    currency      varchar(3)     not null,
    version       integer        not null default 1,
    updated_by    varchar(200),
    created_at    timestamptz    not null,
    updated_at    timestamptz    not null,
    primary key (tenant_id, id),
    constraint channel_target_one_per_period unique (tenant_id, channel_id, period)
);
create index channel_target_by_period on channel_target (tenant_id, period);
