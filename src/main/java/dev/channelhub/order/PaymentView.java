package dev.channelhub.order;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;

@Type("Payment")
public record PaymentView(
        @NonNull @Id String id,
        @NonNull @Id String orderId,
        @NonNull BigDecimal amount,
        @NonNull String currency,
        @NonNull String method,
        String reference,
        @NonNull Instant receivedAt,
        @NonNull Instant createdAt,
        @NonNull PaymentStatus paymentStatus,
        @NonNull OrderStatus orderStatus,
        @NonNull BigDecimal outstanding) {
}
