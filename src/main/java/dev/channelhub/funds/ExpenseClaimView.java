package dev.channelhub.funds;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An expense claim against a channel's market-fund budget of a period. */
@Type("ExpenseClaim")
public record ExpenseClaimView(
        @NonNull @Id String id,
        @NonNull @Id String channelId,
        @NonNull String period,
        @NonNull ExpenseCategory category,
        @NonNull BigDecimal amount,
        @NonNull String currency,
        @NonNull String description,
        @NonNull List<@NonNull ClaimAttachment> attachments,
        @NonNull ExpenseClaimStatus status,
        String rejectReason,
        String submittedBy,
        String decidedBy,
        Instant decidedAt,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt,
        int version) {
}
