-- One definition of "this decrease took the SKU's available stock (on hand - reserved, all locations) below its
-- threshold": used by orders (analytics_apply_order, redefined here to call it) and by manual stock changes
-- (analytics/LowStockOnManualChange). Rows only when the SKU crossed; product_id is the nil UUID for an unknown SKU.
create function stock_low_crossing(p_tenant text, p_sku varchar, p_decrease bigint)
    returns table (product_id uuid, available bigint, threshold bigint)
    language sql stable as
$$
    select coalesce(p.id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(s.available, 0)::bigint, t.threshold
    from stock_threshold t
    left join lateral (select sum(sl.on_hand - sl.reserved) as available from stock_level sl
                       where sl.tenant_id = p_tenant and sl.sku = t.sku) s on true
    left join product p on p.tenant_id = p_tenant and p.sku = t.sku
    where t.tenant_id = p_tenant and t.sku = p_sku
      and coalesce(s.available, 0) < t.threshold and coalesce(s.available, 0) + p_decrease >= t.threshold
$$;

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
        select q.sku, c.product_id, c.available, c.threshold
        from (select ol.sku, ol.quantity from order_line ol
              join sales_order o on o.tenant_id = ol.tenant_id and o.id = ol.order_id and o.hold_id is null
              where ol.tenant_id = p_tenant and ol.order_id = p_order) q
        cross join lateral stock_low_crossing(p_tenant, q.sku, q.quantity) c
        order by q.sku;
end;
$$;
