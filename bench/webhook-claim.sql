update webhook_delivery d set next_attempt_at = now() + make_interval(secs => 60),
attempts = d.attempts + 1, last_attempt_at = now()
from webhook w, event_outbox e
where w.tenant_id = d.tenant_id and w.id = d.webhook_id and e.tenant_id = d.tenant_id and e.seq = d.event_seq
and (d.tenant_id, d.id) in (
  select c.tenant_id, c.id from webhook_delivery c join webhook cw on cw.tenant_id = c.tenant_id and cw.id = c.webhook_id
  where c.status = 'PENDING' and c.next_attempt_at <= now() and cw.status = 'ACTIVE'
  and c.id = (select p.id from webhook_delivery p where p.tenant_id = c.tenant_id and p.webhook_id = c.webhook_id
    and p.aggregate_id = c.aggregate_id and p.status = 'PENDING' order by p.event_seq, p.id limit 1)
  order by c.next_attempt_at limit 100 for update of c skip locked)
returning d.tenant_id, d.id as delivery_id, d.webhook_id, d.attempts, w.url, w.secret,
e.seq, e.tx_id, e.id, e.type, e.aggregate_type, e.aggregate_id, e.channel_id, e.actor, e.payload, e.occurred_at
