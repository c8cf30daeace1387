package dev.channelhub.analytics;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

/**
 * One profitability bucket (docs/KPIS.md "Profitability"): {@code key} is the channel id, channel type or region,
 * {@code label} a display name; money in {@code currency}. Ratios have 4 decimals and are null when their
 * denominator is zero.
 */
@Type("ProfitabilityRow")
public record ProfitabilityRow(@NonNull String key, String label, @NonNull String currency, @NonNull BigDecimal revenue,
                               @NonNull BigDecimal costOfGoods, @NonNull BigDecimal grossProfit, BigDecimal grossMargin,
                               @NonNull BigDecimal channelCost, @NonNull BigDecimal contribution, BigDecimal roi) {

    public String cursorKey() {
        return key + "\t" + currency;
    }
}
