package dev.channelhub.events;

import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for webhooks and their delivery log; every statement is scoped by tenant. */
@ApplicationScoped
public class WebhookRepository {

    static final String COLUMNS = "id, url, events, status, disabled_reason, consecutive_failures, version, created_at, updated_at";
    static final String DELIVERY_COLUMNS = "id, webhook_id, event_id, event_seq, event_type, aggregate_id, replay, status, attempts, "
            + "last_status_code, last_error, last_attempt_at, next_attempt_at, delivered_at, created_at";

    @Inject
    Db db;

    /** The cursor starts at "now": events committed before the webhook existed come only through a replay. */
    public Uni<Void> insert(SqlClient tx, String tenant, UUID id, String url, List<String> events, String secret) {
        return db.query(tx, "insert into webhook (tenant_id, id, url, events, secret, status, cursor_tx, cursor_seq) "
                        + "values ($1, $2, $3, $4, $5, 'ACTIVE', pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1, "
                        + "9223372036854775807)",
                Tuple.of(tenant, id, url, events.toArray(new String[0]), secret)).replaceWithVoid();
    }

    public Uni<Optional<WebhookView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, "select " + COLUMNS + " from webhook where tenant_id = $1 and id = $2", Tuple.of(tenant, id),
                WebhookRepository::toView);
    }

    public Uni<Optional<Row>> findForUpdate(SqlClient tx, String tenant, UUID id) {
        return db.one(tx, "select " + COLUMNS + ", secret, cursor_tx, cursor_seq from webhook where tenant_id = $1 and id = $2 for update",
                Tuple.of(tenant, id), r -> r);
    }

    public Uni<List<WebhookView>> list(String tenant, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from webhook where tenant_id = $1");
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), WebhookRepository::toView);
    }

    public Uni<Integer> update(SqlClient tx, String tenant, UUID id, String url, List<String> events, String secret,
                               WebhookStatus status, boolean reenable) {
        // Re-enabling starts a fresh failure count and makes waiting deliveries due at once.
        return db.query(tx, "update webhook set url = $3, events = $4, secret = $5, status = $6::text, "
                                + "disabled_reason = case when $6::text = 'ACTIVE' then null else coalesce(disabled_reason, 'disabled by a user') end, "
                                + "consecutive_failures = case when $7 then 0 else consecutive_failures end, "
                                + "version = version + 1, updated_at = now() where tenant_id = $1 and id = $2",
                        Tuple.from(new Object[]{tenant, id, url, events.toArray(new String[0]), secret, status.name(), reenable}))
                .flatMap(rows -> reenable
                        ? db.query(tx, "update webhook_delivery set next_attempt_at = now() where tenant_id = $1 and webhook_id = $2 "
                                + "and status = 'PENDING'", Tuple.of(tenant, id)).replaceWith(rows.rowCount())
                        : Uni.createFrom().item(rows.rowCount()));
    }

    public Uni<Integer> delete(String tenant, UUID id) {
        return db.query("delete from webhook where tenant_id = $1 and id = $2", Tuple.of(tenant, id)).map(r -> r.rowCount());
    }

    public Uni<List<DeliveryView>> deliveries(String tenant, UUID webhookId, String status, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(tenant, webhookId));
        StringBuilder sql = new StringBuilder("select " + DELIVERY_COLUMNS + " from webhook_delivery where tenant_id = $1 and webhook_id = $2");
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
        return db.list(tx, "select " + OutboxEvent.COLUMNS + " from event_outbox where tenant_id = $1 and seq >= $2 "
                        + "and occurred_at >= $3 and (tx_id, seq) <= ($4, $5) and seq > $6 order by seq limit $7",
                Tuple.from(new Object[]{tenant, fromSeq, (fromTime == null ? Instant.EPOCH : fromTime).atOffset(java.time.ZoneOffset.UTC),
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
        return db.batch(tx, "insert into webhook_delivery (tenant_id, id, webhook_id, event_seq, event_id, event_type, aggregate_id, replay, status) "
                + "values ($1, $2, $3, $4, $5, $6, $7, $8, 'PENDING') on conflict do nothing", rows).replaceWithVoid();
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
