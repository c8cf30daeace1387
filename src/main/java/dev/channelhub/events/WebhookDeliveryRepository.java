package dev.channelhub.events;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The statements of {@link WebhookDispatcher}: fan-out of outbox events into deliveries and the deliveries' claiming and
 * outcome. Background work on the pool (counted as such, {@link Db#background()}); these statements run across tenants
 * and are set-based, so they stay SQL beside the {@link WebhookEntity} that the subscription's own writes use. The
 * columns they change on {@code webhook} (the fan-out cursor, {@code consecutive_failures}, disabling) are the ones the
 * entity maps read-only or versions, see {@link WebhookEntity}.
 */
@ApplicationScoped
public class WebhookDeliveryRepository {

    /** How long a claimed delivery stays invisible to other claims: a crash mid-send means a retry after it, never a loss. */
    static final int LEASE_SECONDS = 60;

    /**
     * The active webhooks, locked ({@code skip locked}: one instance fans out each), with the oldest running transaction's
     * id: events of transactions at or above it may still commit below the cursor, so fan-out stops before them.
     */
    private static final String ACTIVE_FOR_FAN_OUT = """
            select tenant_id, id, events, cursor_tx, cursor_seq, pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin
            from webhook where status = 'ACTIVE' order by tenant_id, id for update skip locked""";

    /** The tenant's committed events after the cursor ($2, $3) and below the oldest running transaction ($4). */
    private static final String EVENTS_AFTER = """
            select %s from event_outbox where tenant_id = $1 and (tx_id, seq) > ($2, $3) and tx_id < $4
            order by tx_id, seq limit $5""".formatted(OutboxEvent.COLUMNS);

    private static final String ADVANCE_CURSOR = """
            update webhook set cursor_tx = $3, cursor_seq = $4 where tenant_id = $1 and id = $2""";

    /**
     * One delivery per (webhook, event): a fan-out repeated after a crash adds nothing. A delivery whose aggregate has an
     * earlier one pending is parked ({@code next_attempt_at = infinity}, outside the claim's range) until that one is
     * delivered ({@link #PROMOTE_NEXT}): the claim then never walks over the waiting events of a busy aggregate.
     */
    private static final String INSERT_DELIVERY = """
            insert into webhook_delivery (tenant_id, id, webhook_id, event_seq, event_id, event_type, aggregate_id, status, next_attempt_at)
            select $1::text, $2::uuid, $3::uuid, $4::bigint, $5::uuid, $6::text, $7::uuid, 'PENDING',
            case when exists (select 1 from webhook_delivery p where p.tenant_id = $1::text and p.webhook_id = $3::uuid
              and p.aggregate_id = $7::uuid and p.status = 'PENDING' and (p.event_seq, p.id) < ($4::bigint, $2::uuid))
            then 'infinity'::timestamptz else now() end
            on conflict do nothing""";

    /**
     * Claims due deliveries with a lease, but only the oldest pending one per (webhook, aggregate): event n+1 of an order
     * waits until n was delivered (a per-candidate index probe, never a join over the backlog). {@code skip locked}: instances never claim the same delivery. %1$d is the lease in
     * seconds, %2$d the batch size.
     */
    private static final String CLAIM_DUE = """
            update webhook_delivery d set next_attempt_at = now() + make_interval(secs => %1$d),
            attempts = d.attempts + 1, last_attempt_at = now()
            from webhook w, event_outbox e
            where w.tenant_id = d.tenant_id and w.id = d.webhook_id and e.tenant_id = d.tenant_id and e.seq = d.event_seq
            and (d.tenant_id, d.id) in (
              select c.tenant_id, c.id from webhook_delivery c join webhook cw on cw.tenant_id = c.tenant_id and cw.id = c.webhook_id
              where c.status = 'PENDING' and c.next_attempt_at <= now() and cw.status = 'ACTIVE'
              and c.id = (select p.id from webhook_delivery p where p.tenant_id = c.tenant_id and p.webhook_id = c.webhook_id
                and p.aggregate_id = c.aggregate_id and p.status = 'PENDING' order by p.event_seq, p.id limit 1)
              order by c.next_attempt_at limit %2$d for update of c skip locked)
            returning d.tenant_id, d.id as delivery_id, d.webhook_id, d.attempts, w.url, w.secret,
            e.seq, e.tx_id, e.id, e.type, e.aggregate_type, e.aggregate_id, e.channel_id, e.actor, e.payload, e.occurred_at""";

    /**
     * Locks the webhooks of a round's successes ($1 tenants, $2 ids) in one order. It waits for a fan-out holding one
     * ({@link #ACTIVE_FOR_FAN_OUT}), so {@link #PROMOTE_NEXT} afterwards sees the deliveries it parked; a fan-out
     * starting meanwhile skips these webhooks until the marks commit.
     */
    private static final String LOCK_FOR_MARKING = """
            select w.id from webhook w join unnest($1::text[], $2::uuid[]) as u(tenant_id, id) on w.tenant_id = u.tenant_id and w.id = u.id
            order by w.tenant_id, w.id for no key update of w""";

    /**
     * After deliveries of these aggregates ($1 tenants, $2 webhooks, $3 aggregates) were marked, each aggregate's next
     * pending delivery becomes due if it was parked.
     */
    private static final String PROMOTE_NEXT = """
            update webhook_delivery d set next_attempt_at = now()
            from unnest($1::text[], $2::uuid[], $3::uuid[]) as u(tenant_id, webhook_id, aggregate_id),
            lateral (select n.id from webhook_delivery n where n.tenant_id = u.tenant_id and n.webhook_id = u.webhook_id
              and n.aggregate_id = u.aggregate_id and n.status = 'PENDING' order by n.event_seq, n.id limit 1) h
            where d.tenant_id = u.tenant_id and d.id = h.id and d.next_attempt_at = 'infinity'""";

    /**
     * The successes of a round in one statement: deliveries ($1 tenants, $2 ids, $3 status codes) become DELIVERED, and
     * each success ends its webhook's run of failures (no write to a webhook that had none).
     */
    /**
     * The claim's plan, for its transaction: walk the due index in order and stop at the batch. The head check's
     * selectivity is unknown to the planner, which otherwise reads and sorts every due delivery.
     */
    private static final String CLAIM_PLAN = """
            select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
            set_config('enable_sort', 'off', true)""";

    private static final String MARK_DELIVERED = """
            with done as (
              update webhook_delivery d set status = 'DELIVERED', delivered_at = now(), last_status_code = u.code, last_error = null
              from unnest($1::text[], $2::uuid[], $3::int[]) as u(tenant_id, id, code)
              where d.tenant_id = u.tenant_id and d.id = u.id
              returning d.tenant_id, d.webhook_id)
            update webhook w set consecutive_failures = 0
            from (select distinct tenant_id, webhook_id from done) s
            where w.tenant_id = s.tenant_id and w.id = s.webhook_id and w.consecutive_failures <> 0""";

    /** The next attempt after $3 seconds; only while the delivery is still pending. */
    private static final String SCHEDULE_RETRY = """
            update webhook_delivery set next_attempt_at = now() + make_interval(secs => $3), last_status_code = $4, last_error = $5
            where tenant_id = $1 and id = $2 and status = 'PENDING'""";

    /** $5 more failures in a row; reaching $3 disables the webhook with reason $4 (a new version, as a patch would give). */
    private static final String COUNT_FAILURE = """
            update webhook set consecutive_failures = consecutive_failures + $5,
            status = case when consecutive_failures + $5 >= $3 then 'DISABLED' else status end,
            disabled_reason = case when consecutive_failures + $5 >= $3 then $4 else disabled_reason end,
            updated_at = case when consecutive_failures + $5 >= $3 then now() else updated_at end,
            version = case when consecutive_failures + $5 >= $3 and status = 'ACTIVE' then version + 1 else version end
            where tenant_id = $1 and id = $2""";

    /** A webhook that fans out: its tenant, id, event patterns, cursor, and the oldest running transaction's id. */
    record FanOutTarget(String tenant, UUID id, List<String> patterns, long cursorTx, long cursorSeq, long xmin) {
    }

    /** A claimed delivery with what sending it needs. */
    record Claimed(String tenant, UUID deliveryId, UUID webhookId, int attempts, String url, String secret, OutboxEvent event) {
    }

    private final Db.Background db;

    public WebhookDeliveryRepository(Db database) {
        this.db = database.background();
    }

    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return db.inTransaction(work);
    }

    Uni<List<FanOutTarget>> lockActive(SqlClient tx) {
        return db.list(tx, ACTIVE_FOR_FAN_OUT, Tuple.tuple(), r -> new FanOutTarget(r.getString("tenant_id"), r.getUUID("id"),
                Arrays.asList(r.getArrayOfStrings("events")), r.getLong("cursor_tx"), r.getLong("cursor_seq"), r.getLong("xmin")));
    }

    Uni<List<OutboxEvent>> eventsAfterCursor(SqlClient tx, FanOutTarget w, int limit) {
        return db.list(tx, EVENTS_AFTER, Tuple.from(new Object[]{w.tenant(), w.cursorTx(), w.cursorSeq(), w.xmin(), limit}),
                OutboxEvent::from);
    }

    Uni<Void> advanceCursor(SqlClient tx, String tenant, UUID webhookId, long txId, long seq) {
        return db.query(tx, ADVANCE_CURSOR, Tuple.of(tenant, webhookId, txId, seq)).replaceWithVoid();
    }

    /** The deliveries of these events, one statement (a batch) for all; none for no events. */
    Uni<Void> insertDeliveries(SqlClient tx, String tenant, UUID webhookId, List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(events.size());
        for (OutboxEvent e : events) {
            rows.add(Tuple.from(new Object[]{tenant, Ids.newId(), webhookId, e.seq(), e.id(), e.type(), e.aggregateId()}));
        }
        return db.batch(tx, INSERT_DELIVERY, rows).replaceWithVoid();
    }

    Uni<List<Claimed>> claimDue(int batch) {
        return db.inTransaction(tx -> db.query(tx, CLAIM_PLAN, Tuple.tuple())
                .flatMap(x -> db.list(tx, CLAIM_DUE.formatted(LEASE_SECONDS, batch), Tuple.tuple(), WebhookDeliveryRepository::claimed)));
    }

    /** A delivery answered 2xx with this status code. */
    record Success(Claimed claimed, int status) {
    }

    /**
     * Marks these deliveries DELIVERED and makes each aggregate's next delivery due: one transaction of three statements
     * for all (lock the webhooks, mark, promote); nothing for none.
     */
    Uni<Void> delivered(List<Success> successes) {
        if (successes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = successes.size();
        String[] tenants = new String[n];
        UUID[] ids = new UUID[n];
        Integer[] codes = new Integer[n];
        for (int i = 0; i < n; i++) {
            Success s = successes.get(i);
            tenants[i] = s.claimed().tenant();
            ids[i] = s.claimed().deliveryId();
            codes[i] = s.status();
        }
        List<Claimed> webhooks = distinct(successes, c -> List.of(c.tenant(), c.webhookId()));
        List<Claimed> aggregates = distinct(successes, c -> List.of(c.tenant(), c.webhookId(), c.event().aggregateId()));
        Tuple lock = Tuple.of(webhooks.stream().map(Claimed::tenant).toArray(String[]::new),
                webhooks.stream().map(Claimed::webhookId).toArray(UUID[]::new));
        Tuple promote = Tuple.of(aggregates.stream().map(Claimed::tenant).toArray(String[]::new),
                aggregates.stream().map(Claimed::webhookId).toArray(UUID[]::new),
                aggregates.stream().map(c -> c.event().aggregateId()).toArray(UUID[]::new));
        return db.inTransaction(tx -> db.query(tx, LOCK_FOR_MARKING, lock)
                .flatMap(x -> db.query(tx, MARK_DELIVERED, Tuple.of(tenants, ids, codes)))
                .flatMap(x -> db.query(tx, PROMOTE_NEXT, promote))
                .replaceWithVoid());
    }

    /** One delivery per distinct key, in first-seen order. */
    private static List<Claimed> distinct(List<Success> successes, Function<Claimed, List<Object>> key) {
        Map<List<Object>, Claimed> seen = new LinkedHashMap<>();
        successes.forEach(s -> seen.putIfAbsent(key.apply(s.claimed()), s.claimed()));
        return new ArrayList<>(seen.values());
    }

    /** The next attempt of this delivery after {@code retryInSeconds}, with what went wrong. */
    Uni<Void> scheduleRetry(SqlClient tx, Claimed c, double retryInSeconds, Integer status, String error) {
        return db.query(tx, SCHEDULE_RETRY, Tuple.of(c.tenant(), c.deliveryId(), retryInSeconds, status, error)).replaceWithVoid();
    }

    /** {@code failures} more failures in a row for the delivery's webhook, disabling it at {@code disableAfter}. */
    Uni<Void> countFailures(SqlClient tx, Claimed c, int failures, int disableAfter, String disabledReason) {
        return db.query(tx, COUNT_FAILURE, Tuple.of(c.tenant(), c.webhookId(), disableAfter, disabledReason, failures)).replaceWithVoid();
    }

    private static Claimed claimed(Row r) {
        return new Claimed(r.getString("tenant_id"), r.getUUID("delivery_id"), r.getUUID("webhook_id"), r.getInteger("attempts"),
                r.getString("url"), r.getString("secret"), OutboxEvent.from(r));
    }
}
