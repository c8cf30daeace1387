package dev.channelhub.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import org.hibernate.reactive.mutiny.Mutiny;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Appends a business event to the outbox in the caller's transaction: a rolled-back change emits nothing.
 * Types are dotted, e.g. {@code order.placed}, {@code channel.status_changed}, {@code customer.merged}.
 */
@ApplicationScoped
public class EventOutbox {

    private final OutboxRepository outbox;
    private final ObjectMapper mapper;

    public EventOutbox(OutboxRepository outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

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
        return outbox.append(tx, tenant, Ids.newId(), type, aggregateType, aggregateId, channelId, actor, json);
    }

    /** One event of a batch: which aggregate, which channel sees it, and its data. */
    public record Item(UUID aggregateId, UUID channelId, Object payload) {
    }

    /**
     * Events of one type for many aggregates (one per channel of a set-based change) in a single batched statement,
     * in the caller's transaction.
     */
    public Uni<Void> append(SqlClient tx, String tenant, String actor, String type, String aggregateType, java.util.List<Item> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        java.util.List<io.vertx.mutiny.sqlclient.Tuple> batch = new java.util.ArrayList<>(items.size());
        try {
            for (Item i : items) {
                batch.add(io.vertx.mutiny.sqlclient.Tuple.from(new Object[]{tenant, Ids.newId(), type, aggregateType, i.aggregateId(),
                        i.channelId(), actor, new JsonObject(mapper.writeValueAsString(i.payload()))}));
            }
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalStateException("event payload cannot be serialised", e));
        }
        return outbox.appendAll(tx, batch);
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
        return outbox.append(session, tenant, Ids.newId(), type, aggregateType, aggregateId, channelId, actor, json);
    }
}
