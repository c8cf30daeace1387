package dev.channelhub.funds;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;

/** A channel's market-fund budget for a period with what approved claims have used of it. */
@Type("FundBudget")
public record FundBudgetView(
        @NonNull @Id String channelId,
        @NonNull String period,
        @NonNull String currency,
        @NonNull BigDecimal amount,
        @NonNull BigDecimal approved,
        @NonNull BigDecimal remaining,
        int version,
        @NonNull Instant updatedAt) {
}
