package dev.channelhub.order;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order state machine (API-CONTRACT §4 Orders). Pure: no I/O. The service locks the order row, asks
 * this class what the next state is, and writes it.
 */
public final class OrderLifecycle {

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            OrderStatus.SUBMITTED, EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED),
            OrderStatus.CONFIRMED, EnumSet.of(OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.CANCELLED),
            OrderStatus.PARTIALLY_SHIPPED, EnumSet.of(OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED),
            OrderStatus.SHIPPED, EnumSet.of(OrderStatus.DELIVERED),
            OrderStatus.DELIVERED, EnumSet.of(OrderStatus.COMPLETED),
            OrderStatus.COMPLETED, EnumSet.noneOf(OrderStatus.class),
            OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class));

    private OrderLifecycle() {
    }

    public static boolean canTransition(OrderStatus from, OrderStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    public static boolean canConfirm(OrderStatus status) {
        return canTransition(status, OrderStatus.CONFIRMED);
    }

    /** CANCELLED only from SUBMITTED or CONFIRMED (nothing shipped yet). */
    public static boolean canCancel(OrderStatus status) {
        return canTransition(status, OrderStatus.CANCELLED);
    }

    /** Shipping needs CONFIRMED or PARTIALLY_SHIPPED. */
    public static boolean canShip(OrderStatus status) {
        return status == OrderStatus.CONFIRMED || status == OrderStatus.PARTIALLY_SHIPPED;
    }

    /** Payments are taken in any state but CANCELLED (prepayment included); COMPLETED is already paid in full. */
    public static boolean canPay(OrderStatus status) {
        return status != OrderStatus.CANCELLED && status != OrderStatus.COMPLETED;
    }

    /** The state after a shipment, given the units ordered and shipped so far (this shipment included). */
    public static OrderStatus afterShipment(OrderStatus status, long ordered, long shipped) {
        if (!canShip(status)) {
            throw new IllegalStateException("cannot ship in " + status);
        }
        return shipped >= ordered ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED;
    }

    /**
     * The state after a shipment was delivered: DELIVERED once everything is shipped and every shipment is
     * delivered, then COMPLETED at once when it is also paid in full; otherwise unchanged.
     */
    public static OrderStatus afterDelivery(OrderStatus status, boolean allShippedAndDelivered, PaymentStatus payment) {
        if (status == OrderStatus.SHIPPED && allShippedAndDelivered) {
            return settle(OrderStatus.DELIVERED, payment);
        }
        return status;
    }

    /** COMPLETED when delivered in full and paid in full; otherwise unchanged. */
    public static OrderStatus settle(OrderStatus status, PaymentStatus payment) {
        return status == OrderStatus.DELIVERED && payment == PaymentStatus.PAID ? OrderStatus.COMPLETED : status;
    }

    public static PaymentStatus paymentStatus(BigDecimal total, BigDecimal paid) {
        if (paid.signum() <= 0) {
            return total.signum() == 0 ? PaymentStatus.PAID : PaymentStatus.UNPAID;
        }
        return paid.compareTo(total) >= 0 ? PaymentStatus.PAID : PaymentStatus.PARTIALLY_PAID;
    }
}
