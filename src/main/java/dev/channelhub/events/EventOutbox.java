package dev.channelhub.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.hibernate.reactive.mutiny.Mutiny;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Appends a business event to the outbox in the caller's transaction: a rolled-back change emits nothing.
 * Types are dotted, e.g. {@code order.placed}, {@code channel.status_changed}, {@code customer.merged}.
 */
@ApplicationScoped
public class EventOutbox {

    @Inject
    Db db;

    @Inject
    ObjectMapper mapper;

    public Uni<Void> append(SqlClient tx, Caller caller, String type, String aggregateType, UUID aggregateId,
                            UUID channelId, Object payload) {
        return append(tx, caller.tenant(), caller.subject(), type, aggregateType, aggregateId, channelId, payload);
    }

    public Uni<Void> append(SqlClient tx, String tenant, String actor, String type, String aggregateType, UUID aggregateId,
                            UUID channelId, Object payload) {
        JsonObject json;
        try {
            json = new JsonObject(mapper.writeValueAsString(payload));
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalStateException("event payload cannot be serialised", e));
        }
        return db.query(tx, INSERT, Tuple.from(new Object[]{tenant, Ids.newId(), type, aggregateType, aggregateId, channelId, actor, json}))
                .replaceWithVoid();
    }

    /**
     * The same event written through a Hibernate Reactive session, for use cases whose entity changes run in a
     * {@code @WithTransaction}/{@code Panache.withTransaction}: the row joins the session's transaction, so the event
     * commits or rolls back with the entities (Hibernate Reactive does not share its connection with the pool).
     * One statement, as on the pool.
     */
    public Uni<Void> append(Mutiny.Session session, Caller caller, String type, String aggregateType, UUID aggregateId,
                            UUID channelId, Object payload) {
        return append(session, caller.tenant(), caller.subject(), type, aggregateType, aggregateId, channelId, payload);
    }

    public Uni<Void> append(Mutiny.Session session, String tenant, String actor, String type, String aggregateType,
                            UUID aggregateId, UUID channelId, Object payload) {
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalStateException("event payload cannot be serialised", e));
        }
        return session.createNativeQuery(INSERT_ON_SESSION)
                .setParameter(1, tenant).setParameter(2, Ids.newId()).setParameter(3, type).setParameter(4, aggregateType)
                .setParameter(5, aggregateId).setParameter(6, channelId).setParameter(7, actor).setParameter(8, json)
                .executeUpdate().replaceWithVoid();
    }

    /** One event row; $8 is the payload as a JSON object. */
    private static final String INSERT = """
            insert into event_outbox (tenant_id, id, type, aggregate_type, aggregate_id, channel_id, actor, payload)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";

    /** {@link #INSERT} in Hibernate's native-query form; the payload arrives as JSON text and is cast by PostgreSQL. */
    private static final String INSERT_ON_SESSION = """
            insert into event_outbox (tenant_id, id, type, aggregate_type, aggregate_id, channel_id, actor, payload)
            values (?1, ?2, ?3, ?4, ?5, cast(?6 as uuid), ?7, cast(cast(?8 as text) as jsonb))""";
}
