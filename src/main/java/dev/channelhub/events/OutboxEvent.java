package dev.channelhub.events;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.util.UUID;

/** One committed row of the outbox as its consumers (webhooks, subscriptions) read it. */
public record OutboxEvent(String tenant, long seq, long txId, UUID id, String type, String aggregateType, UUID aggregateId,
                          UUID channelId, String actor, JsonObject payload, Instant occurredAt) {

    static final String COLUMNS = "tenant_id, seq, tx_id, id, type, aggregate_type, aggregate_id, channel_id, actor, payload, occurred_at";

    static OutboxEvent from(Row r) {
        Object p = r.getValue("payload");
        JsonObject payload = p instanceof JsonObject jo ? jo : new JsonObject().put("value", p);
        return new OutboxEvent(r.getString("tenant_id"), r.getLong("seq"), r.getLong("tx_id"), r.getUUID("id"), r.getString("type"),
                r.getString("aggregate_type"), r.getUUID("aggregate_id"), r.getUUID("channel_id"), r.getString("actor"),
                payload, r.getOffsetDateTime("occurred_at").toInstant());
    }

    /** The JSON a webhook receives. */
    public String envelope() {
        return new JsonObject()
                .put("id", id.toString())
                .put("type", type)
                .put("sequence", seq)
                .put("occurredAt", occurredAt.toString())
                .put("aggregateType", aggregateType)
                .put("aggregateId", aggregateId.toString())
                .put("channelId", channelId == null ? null : channelId.toString())
                .put("actor", actor)
                .put("data", payload)
                .encode();
    }
}
