package dev.channelhub.incentive;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

/**
 * A channel's target with its actuals (docs/KPIS.md "Targets"); money in {@code currency}, the channel's currency when
 * the target was first set. {@code rank} is set in the ranking ({@code GET /targets}) only.
 */
@Type("ChannelTarget")
public record ChannelTargetView(
        @NonNull String channelId,
        @NonNull String period,
        @NonNull String currency,
        @NonNull BigDecimal revenue,
        Integer newCustomers,
        @NonNull BigDecimal actualRevenue,
        long actualNewCustomers,
        @NonNull BigDecimal attainment,
        Integer rank,
        int version) {
}
