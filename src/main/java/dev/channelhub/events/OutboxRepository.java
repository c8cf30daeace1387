package dev.channelhub.events;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;

/**
 * SQL of the event outbox. Readers follow it by (tx_id, seq) and only below the oldest running transaction
 * ({@code pg_snapshot_xmin}), so an event of a transaction that commits later is never skipped.
 */
@ApplicationScoped
public class OutboxRepository {

    /** Appends in the caller's transaction: a rolled-back change leaves no event. */
    static final String APPEND = """
            insert into event_outbox (tenant_id, id, type, aggregate_type, aggregate_id, channel_id, actor, payload)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";

    /** {@link #APPEND} in Hibernate's native-query form, for session transactions; the payload arrives as JSON text. */
    static final String APPEND_ON_SESSION = """
            insert into event_outbox (tenant_id, id, type, aggregate_type, aggregate_id, channel_id, actor, payload)
            values (?1, ?2, ?3, ?4, ?5, cast(?6 as uuid), ?7, cast(cast(?8 as text) as jsonb))""";

    /** Where a new reader starts: everything below the oldest running transaction is history. */
    static final String FEED_START = """
            select pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1 as x""";

    /** The next committed events of every tenant after the cursor; nothing at or above the oldest running transaction. */
    static final String FEED_NEXT = """
            select %s from event_outbox where (tx_id, seq) > ($1, $2)
            and tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint order by tx_id, seq limit $3""".formatted(OutboxEvent.COLUMNS);

    /** The delivery-order position (tx_id, seq) of one of the tenant's events. */
    static final String POSITION = """
            select tx_id, seq from event_outbox where tenant_id = $1 and seq = $2""";

    static final String COMMITTED_AFTER = """
            select %s from event_outbox where tenant_id = $1 and type like $2 and (tx_id, seq) > ($3, $4)
            and tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint order by tx_id, seq limit $5""".formatted(OutboxEvent.COLUMNS);

    static final String BETWEEN = """
            select %s from event_outbox where tenant_id = $1 and type like $2 and (tx_id, seq) > ($3, $4)
            and (tx_id, seq) < ($5, $6) order by tx_id, seq limit $7""".formatted(OutboxEvent.COLUMNS);

    /**
     * Outbox lag: the age in seconds of the oldest committed event that an active webhook has not yet fanned out into
     * deliveries (its first event past the webhook's cursor), 0 when every active webhook has caught up. One index probe
     * per active webhook ({@code event_outbox_tx}). Receivers that fail are not lag: their retries are scheduled.
     */
    static final String LAG = """
            select coalesce(extract(epoch from now() - min(e.occurred_at)), 0)::float8 as lag
            from webhook w
            cross join lateral (select o.occurred_at from event_outbox o
                where o.tenant_id = w.tenant_id and (o.tx_id, o.seq) > (w.cursor_tx, w.cursor_seq)
                and o.tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
                order by o.tx_id, o.seq limit 1) e
            where w.status = 'ACTIVE'""";

    private final Db db;

    public OutboxRepository(Db db) {
        this.db = db;
    }

    public Uni<Void> append(SqlClient tx, String tenant, UUID id, String type, String aggregateType, UUID aggregateId, UUID channelId,
                            String actor, JsonObject payload) {
        return db.query(tx, APPEND, Tuple.from(new Object[]{tenant, id, type, aggregateType, aggregateId, channelId, actor, payload}))
                .replaceWithVoid();
    }

    /** {@link #APPEND} for many events in one batched round trip. */
    public Uni<Void> appendAll(SqlClient tx, List<Tuple> batch) {
        return db.batch(tx, APPEND, batch).replaceWithVoid();
    }

    /** Appends in a Hibernate Reactive session's transaction: the event commits or rolls back with the entities. */
    public Uni<Void> append(Mutiny.Session session, String tenant, UUID id, String type, String aggregateType, UUID aggregateId,
                            UUID channelId, String actor, String payloadJson) {
        return session.createNativeQuery(APPEND_ON_SESSION)
                .setParameter(1, tenant).setParameter(2, id).setParameter(3, type).setParameter(4, aggregateType)
                .setParameter(5, aggregateId).setParameter(6, channelId).setParameter(7, actor).setParameter(8, payloadJson)
                .executeUpdate().replaceWithVoid();
    }

    /** {tx_id, seq} of the tenant's event with this sequence number, if there is one. */
    public Uni<java.util.Optional<long[]>> position(String tenant, long sequence) {
        return db.list(POSITION, Tuple.of(tenant, sequence), r -> new long[]{r.getLong("tx_id"), r.getLong("seq")})
                .map(rows -> rows.stream().findFirst());
    }

    /** The tenant's committed events of a type pattern after (txId, seq), below the oldest running transaction. */
    public Uni<List<OutboxEvent>> committedAfter(String tenant, String typeLike, long txId, long seq, int limit) {
        return db.list(COMMITTED_AFTER, Tuple.of(tenant, typeLike, txId, seq, limit), OutboxEvent::from);
    }

    /** The tenant's events of a type pattern strictly between two delivery-order positions. */
    public Uni<List<OutboxEvent>> between(String tenant, String typeLike, long afterTx, long afterSeq, long beforeTx,
                                          long beforeSeq, int limit) {
        return db.list(BETWEEN, Tuple.from(List.of(tenant, typeLike, afterTx, afterSeq, beforeTx, beforeSeq, limit)),
                OutboxEvent::from);
    }

    /** The outbox lag in seconds ({@link #LAG}); a background statement. */
    public Uni<Double> lagSeconds() {
        return db.background().list(LAG, Tuple.tuple(), r -> r.getDouble("lag")).map(rows -> rows.isEmpty() ? 0.0 : rows.get(0));
    }

    /** Background statements (counted apart from request statements). */
    public Uni<Long> feedStart() {
        return db.background().list(FEED_START, Tuple.tuple(), r -> r.getLong("x")).map(rows -> rows.get(0));
    }

    public Uni<List<OutboxEvent>> feedNext(long afterTx, long afterSeq, int limit) {
        return db.background().list(FEED_NEXT, Tuple.of(afterTx, afterSeq, limit), OutboxEvent::from);
    }
}
