package dev.channelhub.rebate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;

@Type("RebateLedgerEntry")
public record RebateLedgerEntryView(
        @NonNull @Id String id,
        @NonNull @Id String channelId,
        @NonNull RebateLedgerKind kind,
        @NonNull String currency,
        @NonNull BigDecimal amount,
        @Id String programId,
        String period,
        BigDecimal eligibleRevenue,
        BigDecimal tier,
        BigDecimal percent,
        @Id String orderId,
        @Id String paymentId,
        @NonNull Instant createdAt) {
}
