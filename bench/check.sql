-- Consistency of the data in the database, whatever wrote it (the generator, the API under load, a crash):
-- references, order state combinations, stock = reservations = ledger. Every row must say 0.
-- Used by generate.sh and the fault scripts.
\set ON_ERROR_STOP on
select check_name, violations from (
  select 'order without channel' as check_name, count(*) as violations from sales_order o
    where not exists (select 1 from channel c where c.tenant_id = o.tenant_id and c.id = o.channel_id)
  union all select 'order with unknown customer', count(*) from sales_order o
    where o.customer_id is not null and not exists (select 1 from customer c where c.tenant_id = o.tenant_id and c.id = o.customer_id)
  union all select 'order without lines', count(*) from sales_order o
    where not exists (select 1 from order_line l where l.tenant_id = o.tenant_id and l.order_id = o.id)
  union all select 'line without order', count(*) from order_line l
    where not exists (select 1 from sales_order o where o.tenant_id = l.tenant_id and o.id = l.order_id)
  union all select 'total <> sum of lines', count(*) from sales_order o
    join (select tenant_id, order_id, sum(line_total) t from order_line group by 1, 2) l on l.tenant_id = o.tenant_id and l.order_id = o.id
    where o.total <> l.t
  union all select 'paid <> sum of payments', count(*) from sales_order o
    left join (select tenant_id, order_id, sum(amount) a from order_payment group by 1, 2) p on p.tenant_id = o.tenant_id and p.order_id = o.id
    where o.paid <> coalesce(p.a, 0)
  union all select 'payment status <> paid', count(*) from sales_order o
    where o.payment_status <> case when o.paid = 0 and o.total > 0 then 'UNPAID' when o.paid >= o.total then 'PAID' else 'PARTIALLY_PAID' end
  union all select 'COMPLETED not PAID or DELIVERED PAID', count(*) from sales_order o
    where (o.status = 'COMPLETED' and o.payment_status <> 'PAID') or (o.status = 'DELIVERED' and o.payment_status = 'PAID')
  union all select 'shipped lines do not match status', count(*) from sales_order o
    join (select tenant_id, order_id, sum(quantity) q, sum(shipped) s, sum(delivered) d from order_line group by 1, 2) l
      on l.tenant_id = o.tenant_id and l.order_id = o.id
    where (o.status in ('SUBMITTED', 'CONFIRMED', 'CANCELLED') and l.s <> 0)
       or (o.status = 'PARTIALLY_SHIPPED' and not (l.s > 0 and l.s < l.q))
       or (o.status in ('SHIPPED', 'DELIVERED', 'COMPLETED') and l.s <> l.q)
       or (o.status in ('DELIVERED', 'COMPLETED') and l.d <> l.q)
  union all select 'shipment lines <> shipped', count(*) from order_line l
    left join (select tenant_id, order_id, sku, sum(quantity) q from order_shipment_line group by 1, 2, 3) s
      on s.tenant_id = l.tenant_id and s.order_id = l.order_id and s.sku = l.sku
    where l.shipped <> coalesce(s.q, 0)
  union all select 'open order reservation <> unshipped', count(*) from sales_order o join order_line l on l.tenant_id = o.tenant_id and l.order_id = o.id
    left join (select tenant_id, owner_id, sku, sum(quantity) q from stock_reservation group by 1, 2, 3) r
      on r.tenant_id = o.tenant_id and r.owner_id = o.id and r.sku = l.sku
    where o.status in ('SUBMITTED', 'CONFIRMED', 'PARTIALLY_SHIPPED') and l.quantity - l.shipped <> coalesce(r.q, 0)
  union all select 'closed order still reserving', count(*) from stock_reservation r join sales_order o on o.tenant_id = r.tenant_id and o.id = r.owner_id
    where r.quantity > 0 and o.status not in ('SUBMITTED', 'CONFIRMED', 'PARTIALLY_SHIPPED')
  union all select 'reservation without owner', count(*) from stock_reservation r
    where r.quantity > 0 and not exists (select 1 from sales_order o where o.tenant_id = r.tenant_id and o.id = r.owner_id)
      and not exists (select 1 from stock_hold h where h.tenant_id = r.tenant_id and h.id = r.owner_id and h.status = 'ACTIVE')
  union all select 'level reserved <> sum of reservations', count(*) from stock_level s
    left join (select tenant_id, location_id, sku, sum(quantity) q from stock_reservation group by 1, 2, 3) r
      on r.tenant_id = s.tenant_id and r.location_id = s.location_id and r.sku = s.sku
    where s.reserved <> coalesce(r.q, 0)
  union all select 'level <> sum of ledger deltas', count(*) from stock_level s
    left join (select tenant_id, location_id, sku, sum(on_hand_delta) oh, sum(reserved_delta) rs from stock_ledger group by 1, 2, 3) g
      on g.tenant_id = s.tenant_id and g.location_id = s.location_id and g.sku = s.sku
    where s.on_hand <> coalesce(g.oh, 0) or s.reserved <> coalesce(g.rs, 0)
  union all select 'level <> last ledger row', count(*) from stock_level s
    join (select distinct on (tenant_id, location_id, sku) tenant_id, location_id, sku, on_hand_after, reserved_after from stock_ledger
          order by tenant_id, location_id, sku, seq desc) g on g.tenant_id = s.tenant_id and g.location_id = s.location_id and g.sku = s.sku
    where s.on_hand <> g.on_hand_after or s.reserved <> g.reserved_after
  union all select 'identity of unknown customer', count(*) from customer_identity i
    where not exists (select 1 from customer c where c.tenant_id = i.tenant_id and c.id = i.customer_id and c.status = 'ACTIVE')
  union all select 'channel parent missing', count(*) from channel c
    where c.parent_id is not null and not exists (select 1 from channel p where p.tenant_id = c.tenant_id and p.id = c.parent_id)
  union all select 'lead order missing', count(*) from lead l
    where l.order_id is not null and not exists (select 1 from sales_order o where o.tenant_id = l.tenant_id and o.id = l.order_id)
  union all select 'order number beyond its day counter', count(*) from
    (select tenant_id, to_date(substr(number, 4, 8), 'YYYYMMDD') as day, max(substr(number, 13)::bigint) as mx from sales_order group by 1, 2) o
    left join order_number n on n.tenant_id = o.tenant_id and n.day = o.day where n.last is null or n.last < o.mx
) x order by violations desc, check_name;
select tenant_id, count(*) as orders, pg_size_pretty(sum(pg_column_size(o.*))) as order_rows from sales_order o group by 1 order by 1;
