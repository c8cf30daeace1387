package dev.channelhub.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
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
        return db.query(tx, "insert into event_outbox (tenant_id, id, type, aggregate_type, aggregate_id, channel_id, actor, payload) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8)",
                Tuple.from(new Object[]{tenant, Ids.newId(), type, aggregateType, aggregateId, channelId, actor, json}))
                .replaceWithVoid();
    }
}
