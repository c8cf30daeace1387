package dev.channelhub.rebate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

@Type("RebatePreview")
public record RebatePreview(
        @NonNull @Id String programId,
        @NonNull String programCode,
        @NonNull String period,
        boolean settled,
        Instant settledAt,
        @NonNull List<@NonNull RebatePreviewRow> rows) {
}
