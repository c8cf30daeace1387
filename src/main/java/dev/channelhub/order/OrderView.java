package dev.channelhub.order;

import dev.channelhub.shared.relay.Node;
import dev.channelhub.inventory.ReservationView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as REST and GraphQL show it. In GraphQL, lines and reservations (and customer, channel,
 * shipments, payments) are batched fields of the order type, so they are ignored here.
 */
@Type("Order")
public record OrderView(
        @NonNull @Id String id,
        @NonNull String number,
        @NonNull @Id String channelId,
        @Id String customerId,
        @NonNull OrderStatus status,
        @NonNull PaymentStatus paymentStatus,
        @Ignore List<OrderLineView> lines,
        @NonNull BigDecimal total,
        @NonNull BigDecimal paidAmount,
        @NonNull @Description("total - paidAmount") BigDecimal outstanding,
        @NonNull String currency,
        @Ignore List<ReservationView> reservations,
        ShippingAddress shippingAddress,
        String note,
        String externalRef,
        @Id String holdId,
        String cancelReason,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt) implements Node {

    public UUID uuid() {
        return UUID.fromString(id);
    }

    public OrderView with(List<OrderLineView> newLines, List<ReservationView> newReservations) {
        return new OrderView(id, number, channelId, customerId, status, paymentStatus, newLines, total, paidAmount, outstanding, currency,
                newReservations, shippingAddress, note, externalRef, holdId, cancelReason, version, createdAt, updatedAt);
    }
}
