package dev.channelhub.rebate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

@Type("RebatePreviewRow")
public record RebatePreviewRow(
        @NonNull @Id String channelId,
        @NonNull String currency,
        @NonNull BigDecimal eligibleRevenue,
        BigDecimal tier,
        @NonNull BigDecimal percent,
        @NonNull BigDecimal rebate) {
}
