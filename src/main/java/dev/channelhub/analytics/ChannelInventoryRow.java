package dev.channelhub.analytics;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One SKU of a channel's sell-through over a period (formulas in docs/KPIS.md "Sell-through"). */
@Type("ChannelInventoryRow")
public record ChannelInventoryRow(
        @NonNull String sku,
        long sellIn,
        long sellOut,
        Long reportedStock,
        LocalDate reportedAt,
        BigDecimal daysOfInventory,
        BigDecimal sellThroughRate,
        boolean stuffingRisk) {
}
