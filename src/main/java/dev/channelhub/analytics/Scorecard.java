package dev.channelhub.analytics;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A channel's KPIs over an inclusive period in the tenant time zone; every formula is in docs/KPIS.md. Rates are
 * fractions 0..1 (4 decimals), NPS is on the -100..100 scale; a ratio whose denominator is empty is null.
 */
@Type("ChannelScorecard")
public record Scorecard(
        @NonNull String channelId,
        @NonNull LocalDate from,
        @NonNull LocalDate to,
        @NonNull String currency,
        @NonNull BigDecimal revenue,
        long orders,
        BigDecimal conversionRate,
        BigDecimal repurchaseRate,
        BigDecimal averageCycleHours,
        @Description("90th percentile of placed-to-delivered hours (linear interpolation)") BigDecimal p90CycleHours,
        BigDecimal collectionRate,
        @NonNull BigDecimal receivables,
        @Description("Days sales outstanding: receivables / invoiced x days in the period") BigDecimal dso,
        BigDecimal nps,
        BigDecimal policyAckRate,
        @Description("Orders in the period for a customer another partner protected by a deal registration") long conflicts,
        @Description("Units received back on returns in the period / units shipped in the period") BigDecimal returnRate,
        @Description("Service cases resolved in the period by their dueAt / cases resolved in the period") BigDecimal serviceSlaRate,
        @Description("Average satisfaction score (1-5) given in the period") BigDecimal csat,
        @Description("0-100, weighted as docs/KPIS.md says") BigDecimal healthScore,
        BigDecimal targetAttainment,
        BigDecimal contribution,
        BigDecimal roi,
        @NonNull BigDecimal rebateAccrued,
        @Description("Units the channel reported sold / units shipped on its own purchases in the period") BigDecimal sellThroughRate) {

    public Scorecard withSellThroughRate(BigDecimal rate) {
        return new Scorecard(channelId, from, to, currency, revenue, orders, conversionRate, repurchaseRate, averageCycleHours, p90CycleHours,
                collectionRate, receivables, dso, nps, policyAckRate, conflicts, returnRate, serviceSlaRate, csat, healthScore,
                targetAttainment, contribution, roi, rebateAccrued, rate);
    }
}
