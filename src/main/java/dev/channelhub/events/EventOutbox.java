package dev.channelhub.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
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
}
