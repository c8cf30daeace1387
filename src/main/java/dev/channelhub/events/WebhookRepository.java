package dev.channelhub.events;

import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook subscriptions and their delivery log. Subscription writes (create, patch, delete) are {@link WebhookEntity}
 * changes in the service's Hibernate Reactive transaction, found by their {@link TenantKey}; the few statements an
 * entity cannot express run as native statements on the same session. Reads, the replay's row lock and the delivery
 * log stay SQL on the pool (a replay inserts deliveries set-based, as the dispatcher does). Every statement is scoped
 * by tenant.
 */
@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<WebhookEntity, TenantKey> {

    static final String COLUMNS = "id, url, events, status, disabled_reason, consecutive_failures, version, created_at, updated_at";
    static final String DELIVERY_COLUMNS = """
            id, webhook_id, event_id, event_seq, event_type, aggregate_id, replay, status, attempts, last_status_code, last_error,
            last_attempt_at, nullif(next_attempt_at, 'infinity') as next_attempt_at, delivered_at, created_at""";

    /**
     * The fan-out cursor of a new webhook: "now", so events committed before it existed come only through a replay.
     * Every transaction below the snapshot's xmin has ended; the cursor's seq is the largest, so (xmin - 1, max) is past
     * every event of those transactions.
     */
    private static final String CURSOR_START = """
            select cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint) - 1""";

    /** Re-enabling makes the deliveries that wait for the webhook due at once (not those parked behind an earlier one). */
    private static final String WAKE_DELIVERIES = """
            update webhook_delivery set next_attempt_at = now()
            where tenant_id = ?1 and webhook_id = ?2 and status = 'PENDING' and next_attempt_at <> 'infinity'""";

    private static final String FIND = """
            select %s from webhook where tenant_id = $1 and id = $2""".formatted(COLUMNS);

    /** The replay's lock: serialises with the dispatcher's fan-out ({@code for update skip locked}) and with patches. */
    private static final String LOCK_FOR_REPLAY = """
            select %s, secret, cursor_tx, cursor_seq from webhook where tenant_id = $1 and id = $2 for update""".formatted(COLUMNS);

    private static final String LIST = """
            select %s from webhook where tenant_id = $1""".formatted(COLUMNS);

    private static final String REPLAYABLE = """
            select %s from event_outbox where tenant_id = $1 and seq >= $2
            and occurred_at >= $3 and (tx_id, seq) <= ($4, $5) and seq > $6 order by seq limit $7""".formatted(OutboxEvent.COLUMNS);

    /**
     * One delivery per (webhook, event) unless it is a replay (index webhook_delivery_once); parked behind an earlier
     * pending one of its aggregate, as the dispatcher's fan-out parks ({@code WebhookDeliveryRepository.INSERT_DELIVERY}).
     */
    private static final String INSERT_DELIVERY = """
            insert into webhook_delivery (tenant_id, id, webhook_id, event_seq, event_id, event_type, aggregate_id, replay, status,
            next_attempt_at)
            select $1::text, $2::uuid, $3::uuid, $4::bigint, $5::uuid, $6::text, $7::uuid, $8::boolean, 'PENDING',
            case when exists (select 1 from webhook_delivery p where p.tenant_id = $1::text and p.webhook_id = $3::uuid
              and p.aggregate_id = $7::uuid and p.status = 'PENDING' and (p.event_seq, p.id) < ($4::bigint, $2::uuid))
            then 'infinity'::timestamptz else now() end
            on conflict do nothing""";

    private static final String DELIVERIES = """
            select %s from webhook_delivery where tenant_id = $1 and webhook_id = $2""".formatted(DELIVERY_COLUMNS);

    /** The secrets V9_6 marked as plaintext, locked for their re-encryption at start ({@link WebhookSecretUpgrade}). */
    private static final String PLAINTEXT_SECRETS = """
            select tenant_id, id, secret from webhook where secret like 'v0:%' for update""";

    /** Stores a re-encrypted secret unless the row's secret changed meanwhile. */
    private static final String STORE_SECRET = """
            update webhook set secret = $3 where tenant_id = $1 and id = $2 and secret = $4""";

    @Inject
    Db db;

    // ---- entities, in the caller's Hibernate Reactive transaction

    /** The webhook row locked for the rest of the transaction ({@code for no key update}); null when absent. */
    public Uni<WebhookEntity> lockEntity(String tenant, UUID id) {
        return findById(TenantKey.of(tenant, id), LockModeType.PESSIMISTIC_WRITE);
    }

    /** The outbox transaction id a new webhook's fan-out starts after ({@link #CURSOR_START}). */
    public Uni<Long> cursorStart(Mutiny.Session session) {
        return session.createNativeQuery(CURSOR_START, Long.class).getSingleResult();
    }

    public Uni<Void> wakeDeliveries(Mutiny.Session session, String tenant, UUID id) {
        return session.createNativeQuery(WAKE_DELIVERIES).setParameter(1, tenant).setParameter(2, id).executeUpdate().replaceWithVoid();
    }

    /** Deletes the webhook (its deliveries go with it: {@code on delete cascade}); the number of rows deleted. */
    public Uni<Long> deleteEntity(String tenant, UUID id) {
        return delete("tenantId = ?1 and id = ?2", tenant, id);
    }

    // ---- SQL on the pool (reads, replay)

    public Uni<Optional<WebhookView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND, Tuple.of(tenant, id), WebhookRepository::toView);
    }

    public Uni<Optional<Row>> lockForReplay(SqlClient tx, String tenant, UUID id) {
        return db.one(tx, LOCK_FOR_REPLAY, Tuple.of(tenant, id), r -> r);
    }

    public Uni<List<WebhookView>> list(String tenant, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        StringBuilder sql = new StringBuilder(LIST);
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), WebhookRepository::toView);
    }

    public Uni<List<DeliveryView>> deliveries(String tenant, UUID webhookId, String status, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(tenant, webhookId));
        StringBuilder sql = new StringBuilder(DELIVERIES);
        if (status != null) {
            args.add(status);
            sql.append(" and status = $").append(args.size());
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), WebhookRepository::toDelivery);
    }

    /** Outbox events for a replay, keyset-paged on seq, up to the webhook's fan-out cursor. */
    public Uni<List<OutboxEvent>> replayable(SqlClient tx, String tenant, long fromSeq, Instant fromTime, long cursorTx, long cursorSeq,
                                             long afterSeq, int limit) {
        return db.list(tx, REPLAYABLE, Tuple.from(new Object[]{tenant, fromSeq, (fromTime == null ? Instant.EPOCH : fromTime).atOffset(java.time.ZoneOffset.UTC),
                        cursorTx, cursorSeq, afterSeq, limit}), OutboxEvent::from);
    }

    public Uni<Void> insertDeliveries(SqlClient tx, String tenant, UUID webhookId, List<OutboxEvent> events, boolean replay) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(events.size());
        for (OutboxEvent e : events) {
            rows.add(Tuple.from(new Object[]{tenant, dev.channelhub.shared.persistence.Ids.newId(), webhookId, e.seq(), e.id(), e.type(),
                    e.aggregateId(), replay}));
        }
        return db.batch(tx, INSERT_DELIVERY, rows).replaceWithVoid();
    }

    // ---- start-up re-encryption of plaintext secrets, on the background pool (a set-based batch before any request)

    Uni<List<Row>> plaintextSecrets(Db.Background bg, SqlClient tx) {
        return bg.list(tx, PLAINTEXT_SECRETS, Tuple.tuple(), r -> r);
    }

    /** Each tuple: tenant, id, the sealed secret, the stored value it replaces. */
    Uni<Void> storeSecrets(Db.Background bg, SqlClient tx, List<Tuple> updates) {
        return bg.batch(tx, STORE_SECRET, updates).replaceWithVoid();
    }

    static WebhookView toView(Row r) {
        return new WebhookView(r.getUUID("id").toString(), r.getString("url"), Arrays.asList(r.getArrayOfStrings("events")),
                WebhookStatus.valueOf(r.getString("status")), r.getString("disabled_reason"), r.getInteger("consecutive_failures"),
                r.getInteger("version"), r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant(), null);
    }

    static DeliveryView toDelivery(Row r) {
        return new DeliveryView(r.getUUID("id").toString(), r.getUUID("webhook_id").toString(), r.getUUID("event_id").toString(),
                r.getLong("event_seq"), r.getString("event_type"), r.getUUID("aggregate_id").toString(), r.getBoolean("replay"),
                r.getString("status"), r.getInteger("attempts"), r.getInteger("last_status_code"), r.getString("last_error"),
                instant(r, "last_attempt_at"), "PENDING".equals(r.getString("status")) ? instant(r, "next_attempt_at") : null,
                instant(r, "delivered_at"), instant(r, "created_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
