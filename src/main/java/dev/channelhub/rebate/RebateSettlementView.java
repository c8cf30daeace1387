package dev.channelhub.rebate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

@Type("RebateSettlement")
public record RebateSettlementView(
        @NonNull @Id String programId,
        @NonNull String period,
        @NonNull Instant settledAt,
        @NonNull List<@NonNull RebatePreviewRow> rows) {
}
