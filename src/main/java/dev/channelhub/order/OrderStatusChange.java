package dev.channelhub.order;

import dev.channelhub.events.OutboxEvent;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** What {@code orderStatusChanged} pushes: the order's state right after an {@code order.*} event. */
@Type("OrderStatusChange")
@Description("An order event: the order's status and payment status after it, and the event type (e.g. order.shipped)")
public record OrderStatusChange(
        @NonNull @Id String orderId,
        String number,
        @NonNull @Id String channelId,
        String status,
        String paymentStatus,
        @NonNull Instant occurredAt,
        @NonNull String type) {

    /** Reads the order feature's event payload (an order view, or an object holding one under {@code order}). */
    static OrderStatusChange from(OutboxEvent e) {
        JsonObject p = e.payload();
        JsonObject order = p.getValue("order") instanceof JsonObject nested ? nested : p;
        String channel = e.channelId() != null ? e.channelId().toString() : str(order, "channelId");
        return new OrderStatusChange(e.aggregateId().toString(), str(order, "number"), channel, str(order, "status"),
                str(order, "paymentStatus"), e.occurredAt(), e.type());
    }

    private static String str(JsonObject o, String key) {
        Object v = o.getValue(key);
        return v == null ? null : v.toString();
    }
}
