package dev.channelhub.order;

public enum OrderStatus {
    SUBMITTED, CONFIRMED, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, COMPLETED, CANCELLED
}
