package dev.channelhub.incentive;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A channel cost as managers see it; partners never see channel costs. */
@Type("ChannelCost")
public record ChannelCostView(
        @NonNull @Id String id,
        @NonNull String channelId,
        @NonNull LocalDate date,
        @NonNull ChannelCostCategory category,
        @NonNull BigDecimal amount,
        @NonNull String currency,
        String note,
        String expenseClaimId,
        String createdBy,
        @NonNull Instant createdAt) {
}
