package dev.channelhub.lead;

import dev.channelhub.shared.relay.Node;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A deal registration: the partner's claim on a customer, protected until {@code protectedUntil}. */
@Type("Deal")
public record DealView(
        @NonNull @Id String id,
        @NonNull DealStatus status,
        @NonNull String channelId,
        @NonNull String customerId,
        @NonNull BigDecimal expectedValue,
        @NonNull String currency,
        @NonNull LocalDate closeDate,
        @NonNull List<@NonNull String> skus,
        String note,
        @NonNull Instant registeredAt,
        @NonNull Instant protectedUntil,
        Instant decidedAt,
        String decidedBy,
        String decisionReason,
        Integer extensionRequestedDays,
        String extensionReason,
        int version,
        @NonNull Instant updatedAt) implements Node {
}
