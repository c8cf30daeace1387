-- The sales rollups follow the outbox (issue 22): an order.placed event adds its order, an order.cancelled event takes
-- it away again, applied in batches after the order has committed (analytics/SalesRollupFeed) instead of as 7 upserts
-- per line inside every order's transaction. Refunds stay in the refund's transaction (analytics_apply_refund): they
-- touch rows of the refund's own period and commute with the order's addition.

-- How far the rollups have applied the outbox, in its delivery order (tx_id, seq); one row for all tenants.
create table sales_rollup_cursor (
    id         integer     primary key check (id = 1),
    cursor_tx  bigint      not null,
    cursor_seq bigint      not null,
    applied_at timestamptz not null default now()
);

-- Every event committed so far was applied in its order's transaction by the code before this version.
insert into sales_rollup_cursor (id, cursor_tx, cursor_seq)
select 1, coalesce(max(x.tx_id), 0), coalesce(max(x.seq), 0)
from (select tx_id, seq from event_outbox order by tx_id desc, seq desc limit 1) x;

-- Adds (sign 1) or takes away (sign -1) many orders in one statement: the same figures as analytics_apply_order per
-- order, grouped over the batch first, so orders of the same channel and day cost one upsert per rollup row.
create or replace function analytics_apply_orders(p_tenants text[], p_orders uuid[], p_signs integer[], p_zone text)
    returns void
    language plpgsql as
$$
begin
    insert into sales_rollup as r (tenant_id, dim, grain, channel_id, period, dim_key, currency, orders, units, revenue, cost)
    select g.tenant_id, g.dim, g.grain, g.channel_id, g.period, g.dim_key, g.currency,
           sum(g.sign), sum(g.sign * g.units), sum(g.sign * g.revenue), sum(g.sign * g.cost)
    from (select l.tenant_id, l.ev, l.sign, v.dim, v.grain, v.channel_id, v.period, v.dim_key, l.currency,
                 sum(l.quantity) as units, sum(l.line_total) as revenue, sum(l.cost) as cost
          from (select e.ev, e.sign, o.tenant_id, o.channel_id, (o.created_at at time zone p_zone)::date as day, o.currency,
                       ol.sku, coalesce(p.category, '') as category, ol.quantity, ol.line_total,
                       ol.quantity * coalesce(ol.unit_cost, 0) as cost
                from unnest(p_tenants, p_orders, p_signs) with ordinality as e(tenant_id, order_id, sign, ev)
                join sales_order o on o.tenant_id = e.tenant_id and o.id = e.order_id
                join order_line ol on ol.tenant_id = o.tenant_id and ol.order_id = o.id
                left join product p on p.tenant_id = ol.tenant_id and p.sku = ol.sku) l
          cross join lateral (values
              ('T', 'D', l.channel_id, l.day, ''::varchar),
              ('T', 'M', l.channel_id, date_trunc('month', l.day)::date, ''::varchar),
              ('C', 'D', l.channel_id, l.day, l.category::varchar),
              ('C', 'M', l.channel_id, date_trunc('month', l.day)::date, l.category::varchar),
              ('S', 'D', l.channel_id, l.day, l.sku),
              ('S', 'D', '00000000-0000-0000-0000-000000000000'::uuid, l.day, l.sku),
              ('S', 'M', '00000000-0000-0000-0000-000000000000'::uuid, date_trunc('month', l.day)::date, l.sku)
          ) as v(dim, grain, channel_id, period, dim_key)
          group by l.tenant_id, l.ev, l.sign, v.dim, v.grain, v.channel_id, v.period, v.dim_key, l.currency) g
    group by g.tenant_id, g.dim, g.grain, g.channel_id, g.period, g.dim_key, g.currency
    having sum(g.sign) <> 0 or sum(g.sign * g.units) <> 0 or sum(g.sign * g.revenue) <> 0 or sum(g.sign * g.cost) <> 0
    order by g.tenant_id, g.dim, g.grain, g.channel_id, g.period, g.dim_key, g.currency
    on conflict (tenant_id, dim, grain, channel_id, period, dim_key, currency) do update
        set orders = r.orders + excluded.orders, units = r.units + excluded.units, revenue = r.revenue + excluded.revenue,
            cost = r.cost + excluded.cost;

    if exists (select 1 from unnest(p_signs) s where s < 0) then
        -- As analytics_apply_order: a cancellation that empties a rollup row removes it (analytics_rebuild has no such rows).
        delete from sales_rollup r
        using (select distinct o.tenant_id, o.channel_id, (o.created_at at time zone p_zone)::date as day
               from unnest(p_tenants, p_orders, p_signs) as e(tenant_id, order_id, sign)
               join sales_order o on o.tenant_id = e.tenant_id and o.id = e.order_id
               where e.sign < 0) c
        where r.tenant_id = c.tenant_id and r.orders = 0 and r.units = 0 and r.revenue = 0 and r.cost = 0
          and r.dim in ('T', 'S', 'C') and r.grain in ('D', 'M')
          and r.channel_id in (c.channel_id, '00000000-0000-0000-0000-000000000000'::uuid)
          and r.period in (c.day, date_trunc('month', c.day)::date);
    end if;
end;
$$;

-- Applies the next committed outbox events (at most p_limit) to the rollups and moves the cursor, in one transaction:
-- each event is applied exactly once. Only below the oldest running transaction (as every outbox reader), so an order
-- whose transaction commits late is never skipped; p_everything drops that bound for analytics_rebuild, which first
-- stops every writer of the outbox. p_wait: wait for an instance that is applying (a report catching up) instead of
-- leaving (the background feed). Answers the number of events read, -1 when another instance holds the cursor.
create or replace function analytics_apply_outbox(p_zone text, p_limit integer, p_wait boolean, p_everything boolean default false)
    returns integer
    language plpgsql as
$$
declare
    v_tx      bigint;
    v_seq     bigint;
    v_n       integer;
    v_last_tx  bigint;
    v_last_seq bigint;
    v_tenants text[];
    v_orders  uuid[];
    v_signs   integer[];
    v_below   bigint := case when p_everything then 9223372036854775807
                             else pg_snapshot_xmin(pg_current_snapshot())::text::bigint end;
begin
    -- A reader (p_wait) wants the orders committed before it: when some of those are held back only because an older
    -- transaction is still running, give that transaction up to 200 ms to end (each statement here takes a new snapshot).
    if p_wait and not p_everything then
        for i in 1..10 loop
            exit when not exists (select 1 from sales_rollup_cursor c, event_outbox e
                                  where c.id = 1 and (e.tx_id, e.seq) > (c.cursor_tx, c.cursor_seq) and e.tx_id >= v_below);
            perform pg_sleep(0.02);
            v_below := pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
        end loop;
    end if;
    -- Nothing pending (the common case for a report): answer without locking, so readers take no row lock and write
    -- no WAL, and never queue behind each other.
    if not exists (select 1 from sales_rollup_cursor c, event_outbox e
                   where c.id = 1 and (e.tx_id, e.seq) > (c.cursor_tx, c.cursor_seq) and e.tx_id < v_below) then
        return 0;
    end if;
    if p_wait then
        select cursor_tx, cursor_seq into v_tx, v_seq from sales_rollup_cursor where id = 1 for update;
    else
        select cursor_tx, cursor_seq into v_tx, v_seq from sales_rollup_cursor where id = 1 for update skip locked;
    end if;
    if not found then
        return -1;
    end if;
    select count(*),
           (array_agg(e.tx_id order by e.tx_id desc, e.seq desc))[1],
           (array_agg(e.seq order by e.tx_id desc, e.seq desc))[1],
           array_agg(e.tenant_id order by e.tx_id, e.seq) filter (where e.type in ('order.placed', 'order.cancelled')),
           array_agg(e.aggregate_id order by e.tx_id, e.seq) filter (where e.type in ('order.placed', 'order.cancelled')),
           array_agg(case when e.type = 'order.placed' then 1 else -1 end order by e.tx_id, e.seq)
               filter (where e.type in ('order.placed', 'order.cancelled'))
    into v_n, v_last_tx, v_last_seq, v_tenants, v_orders, v_signs
    from (select tenant_id, type, aggregate_id, tx_id, seq from event_outbox
          where (tx_id, seq) > (v_tx, v_seq) and tx_id < v_below
          order by tx_id, seq limit p_limit) e;
    if v_n = 0 then
        return 0;
    end if;
    if v_orders is not null then
        perform analytics_apply_orders(v_tenants, v_orders, v_signs, p_zone);
    end if;
    update sales_rollup_cursor set cursor_tx = v_last_tx, cursor_seq = v_last_seq, applied_at = now() where id = 1;
    return v_n;
end;
$$;

-- As V13_1, but consistent with the feed: it first stops new outbox events (share lock until the caller commits: writers
-- of events wait), applies every event still pending for all tenants, then recomputes the tenant from its orders.
create or replace function analytics_rebuild(p_tenant text, p_zone text default 'Asia/Shanghai')
    returns bigint
    language plpgsql as
$$
declare
    v_rows   bigint;
    v_refund uuid;
begin
    lock table event_outbox in share mode;
    while analytics_apply_outbox(p_zone, 100000, true, true) > 0 loop
    end loop;
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

-- What an order's reservation took below a low-stock threshold (stock_low_crossing, V8_1): the part of
-- analytics_apply_order that must stay inside the order's transaction, since it compares with the stock of that moment.
create or replace function stock_low_crossings_of_order(p_tenant text, p_order uuid)
    returns table (sku varchar, product_id uuid, available bigint, threshold bigint)
    language sql stable as
$$
    select q.sku, c.product_id, c.available, c.threshold
    from (select ol.sku, ol.quantity from order_line ol
          join sales_order o on o.tenant_id = ol.tenant_id and o.id = ol.order_id and o.hold_id is null
          where ol.tenant_id = p_tenant and ol.order_id = p_order) q
    cross join lateral stock_low_crossing(p_tenant, q.sku, q.quantity) c
    order by q.sku
$$;
