package dev.channelhub.order;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;

/** A partner's proof that it paid an order, and what finance decided. */
@Type("PaymentProof")
public record PaymentProofView(
        @NonNull @Id String id,
        @NonNull @Id String orderId,
        @NonNull @Id String channelId,
        @NonNull BigDecimal amount,
        @NonNull String currency,
        @NonNull String method,
        @NonNull String reference,
        String attachmentUrl,
        @NonNull PaymentProofStatus status,
        String rejectReason,
        @Id String paymentId,
        String submittedBy,
        @NonNull Instant submittedAt,
        String decidedBy,
        Instant decidedAt,
        int version) {
}
