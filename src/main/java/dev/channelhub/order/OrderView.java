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
        @NonNull @Description("What is still owed: netTotal - (paidAmount - refundedTotal)") BigDecimal outstanding,
        @NonNull @Description("Paid back to the customer after returns (at most paidAmount)") BigDecimal refundedTotal,
        @NonNull @Description("Credit notes after returns beyond what was paid; they lower the outstanding amount") BigDecimal creditedTotal,
        @NonNull @Description("total - refundedTotal - creditedTotal: what the order is worth after returns") BigDecimal netTotal,
        @NonNull String currency,
        @Ignore List<ReservationView> reservations,
        ShippingAddress shippingAddress,
        String note,
        String externalRef,
        @Id String holdId,
        String cancelReason,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt,
        @Ignore List<OrderReturnRef> returns) implements Node {

    public UUID uuid() {
        return UUID.fromString(id);
    }

    public OrderView with(List<OrderLineView> newLines, List<ReservationView> newReservations) {
        return new OrderView(id, number, channelId, customerId, status, paymentStatus, newLines, total, paidAmount, outstanding,
                refundedTotal, creditedTotal, netTotal, currency, newReservations, shippingAddress, note, externalRef, holdId, cancelReason,
                version, createdAt, updatedAt, returns);
    }

    public OrderView withReturns(List<OrderReturnRef> newReturns) {
        return new OrderView(id, number, channelId, customerId, status, paymentStatus, lines, total, paidAmount, outstanding,
                refundedTotal, creditedTotal, netTotal, currency, reservations, shippingAddress, note, externalRef, holdId, cancelReason,
                version, createdAt, updatedAt, newReturns);
    }
}
