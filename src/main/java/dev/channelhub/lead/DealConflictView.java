package dev.channelhub.lead;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;

/** An order placed for a protected customer through another channel than the protecting partner's. */
@Type("DealConflict")
public record DealConflictView(
        @NonNull @Id String id,
        @NonNull String dealId,
        @NonNull String orderId,
        @NonNull String orderChannelId,
        @NonNull String dealChannelId,
        @NonNull String customerId,
        BigDecimal orderTotal,
        String currency,
        @NonNull Instant occurredAt) {
}
