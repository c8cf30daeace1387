package dev.channelhub.rebate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Type("RebateProgram")
public record RebateProgramView(
        @NonNull @Id String id,
        @NonNull String code,
        @NonNull String name,
        @NonNull RebateScope scope,
        @NonNull List<@NonNull String> skus,
        @NonNull List<@NonNull String> categories,
        @NonNull LocalDate validFrom,
        @NonNull LocalDate validTo,
        @NonNull RebatePeriodKind period,
        @NonNull List<@NonNull RebateTier> tiers,
        @NonNull Instant createdAt,
        int version) {
}
