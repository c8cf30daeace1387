package dev.channelhub.order;

public enum PaymentStatus {
    UNPAID, PARTIALLY_PAID, PAID
}
