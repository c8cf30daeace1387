package dev.channelhub.order;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static dev.channelhub.order.OrderStatus.CANCELLED;
import static dev.channelhub.order.OrderStatus.COMPLETED;
import static dev.channelhub.order.OrderStatus.CONFIRMED;
import static dev.channelhub.order.OrderStatus.DELIVERED;
import static dev.channelhub.order.OrderStatus.PARTIALLY_SHIPPED;
import static dev.channelhub.order.OrderStatus.SHIPPED;
import static dev.channelhub.order.OrderStatus.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrderLifecycleTest {

    /** Every (from, to) pair of the 7 states: exactly the contract's transitions are allowed. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "SUBMITTED,SUBMITTED,false", "SUBMITTED,CONFIRMED,true", "SUBMITTED,PARTIALLY_SHIPPED,false", "SUBMITTED,SHIPPED,false",
            "SUBMITTED,DELIVERED,false", "SUBMITTED,COMPLETED,false", "SUBMITTED,CANCELLED,true",
            "CONFIRMED,SUBMITTED,false", "CONFIRMED,CONFIRMED,false", "CONFIRMED,PARTIALLY_SHIPPED,true", "CONFIRMED,SHIPPED,true",
            "CONFIRMED,DELIVERED,false", "CONFIRMED,COMPLETED,false", "CONFIRMED,CANCELLED,true",
            "PARTIALLY_SHIPPED,SUBMITTED,false", "PARTIALLY_SHIPPED,CONFIRMED,false", "PARTIALLY_SHIPPED,PARTIALLY_SHIPPED,true",
            "PARTIALLY_SHIPPED,SHIPPED,true", "PARTIALLY_SHIPPED,DELIVERED,false", "PARTIALLY_SHIPPED,COMPLETED,false",
            "PARTIALLY_SHIPPED,CANCELLED,false",
            "SHIPPED,SUBMITTED,false", "SHIPPED,CONFIRMED,false", "SHIPPED,PARTIALLY_SHIPPED,false", "SHIPPED,SHIPPED,false",
            "SHIPPED,DELIVERED,true", "SHIPPED,COMPLETED,false", "SHIPPED,CANCELLED,false",
            "DELIVERED,SUBMITTED,false", "DELIVERED,CONFIRMED,false", "DELIVERED,PARTIALLY_SHIPPED,false", "DELIVERED,SHIPPED,false",
            "DELIVERED,DELIVERED,false", "DELIVERED,COMPLETED,true", "DELIVERED,CANCELLED,false",
            "COMPLETED,SUBMITTED,false", "COMPLETED,CONFIRMED,false", "COMPLETED,PARTIALLY_SHIPPED,false", "COMPLETED,SHIPPED,false",
            "COMPLETED,DELIVERED,false", "COMPLETED,COMPLETED,false", "COMPLETED,CANCELLED,false",
            "CANCELLED,SUBMITTED,false", "CANCELLED,CONFIRMED,false", "CANCELLED,PARTIALLY_SHIPPED,false", "CANCELLED,SHIPPED,false",
            "CANCELLED,DELIVERED,false", "CANCELLED,COMPLETED,false", "CANCELLED,CANCELLED,false"})
    void transitions(OrderStatus from, OrderStatus to, boolean allowed) {
        assertEquals(allowed, OrderLifecycle.canTransition(from, to));
    }

    @ParameterizedTest(name = "{0}: confirm {1}, cancel {2}, ship {3}, pay {4}")
    @CsvSource({
            "SUBMITTED,true,true,false,true",
            "CONFIRMED,false,true,true,true",
            "PARTIALLY_SHIPPED,false,false,true,true",
            "SHIPPED,false,false,false,true",
            "DELIVERED,false,false,false,true",
            "COMPLETED,false,false,false,false",
            "CANCELLED,false,false,false,false"})
    void actions(OrderStatus status, boolean confirm, boolean cancel, boolean ship, boolean pay) {
        assertEquals(confirm, OrderLifecycle.canConfirm(status));
        assertEquals(cancel, OrderLifecycle.canCancel(status));
        assertEquals(ship, OrderLifecycle.canShip(status));
        assertEquals(pay, OrderLifecycle.canPay(status));
    }

    @ParameterizedTest(name = "{0}, {1} of {2} shipped -> {3}")
    @CsvSource({
            "CONFIRMED,10,4,PARTIALLY_SHIPPED",
            "CONFIRMED,10,10,SHIPPED",
            "PARTIALLY_SHIPPED,10,9,PARTIALLY_SHIPPED",
            "PARTIALLY_SHIPPED,10,10,SHIPPED"})
    void shipments(OrderStatus from, long ordered, long shipped, OrderStatus expected) {
        assertEquals(expected, OrderLifecycle.afterShipment(from, ordered, shipped));
    }

    @Test
    void shippingOutsideConfirmedOrPartiallyShippedIsRefused() {
        for (OrderStatus s : new OrderStatus[]{SUBMITTED, SHIPPED, DELIVERED, COMPLETED, CANCELLED}) {
            assertThrows(IllegalStateException.class, () -> OrderLifecycle.afterShipment(s, 1, 1));
        }
    }

    @ParameterizedTest(name = "{0}, all delivered {1}, {2} -> {3}")
    @CsvSource({
            "SHIPPED,true,UNPAID,DELIVERED",
            "SHIPPED,true,PARTIALLY_PAID,DELIVERED",
            "SHIPPED,true,PAID,COMPLETED",
            "SHIPPED,false,PAID,SHIPPED",
            "PARTIALLY_SHIPPED,false,PAID,PARTIALLY_SHIPPED",
            "PARTIALLY_SHIPPED,true,PAID,PARTIALLY_SHIPPED"})
    void deliveries(OrderStatus from, boolean allDelivered, PaymentStatus payment, OrderStatus expected) {
        assertEquals(expected, OrderLifecycle.afterDelivery(from, allDelivered, payment));
    }

    @ParameterizedTest(name = "{0} and {1} -> {2}")
    @CsvSource({
            "DELIVERED,PAID,COMPLETED",
            "DELIVERED,PARTIALLY_PAID,DELIVERED",
            "DELIVERED,UNPAID,DELIVERED",
            "SHIPPED,PAID,SHIPPED",
            "CONFIRMED,PAID,CONFIRMED",
            "SUBMITTED,PAID,SUBMITTED"})
    void completionNeedsDeliveredAndPaid(OrderStatus status, PaymentStatus payment, OrderStatus expected) {
        assertEquals(expected, OrderLifecycle.settle(status, payment));
    }

    @ParameterizedTest(name = "{1} paid of {0} -> {2}")
    @CsvSource({
            "100.00,0,UNPAID",
            "100.00,0.01,PARTIALLY_PAID",
            "100.00,99.99,PARTIALLY_PAID",
            "100.00,100.00,PAID",
            "0,0,PAID"})
    void paymentStatus(BigDecimal total, BigDecimal paid, PaymentStatus expected) {
        assertEquals(expected, OrderLifecycle.paymentStatus(total, paid));
    }
}
