package dev.channelhub.analytics;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

/**
 * Stock of one SKU at one location over a period: on hand before it and at its end, units shipped in it,
 * turnover = shipped / average on hand ((opening + closing) / 2), and the closing stock valued at the floor price.
 */
@Type("InventoryTurnoverRow")
public record InventoryTurnoverRow(@NonNull String locationCode, @NonNull String sku, String name, long openingOnHand,
                                   long closingOnHand, @NonNull BigDecimal averageOnHand, long unitsShipped,
                                   @Description("null when the average on hand is 0") BigDecimal turnover,
                                   @Description("closing on hand x floor price; null without a floor price") BigDecimal stockValue,
                                   String currency) {

    public String cursorKey() {
        return locationCode + "\t" + sku;
    }
}
