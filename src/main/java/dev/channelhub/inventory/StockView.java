package dev.channelhub.inventory;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** A SKU's stock per location and what a channel can be promised from the locations serving it. */
@Type("Stock")
public record StockView(
        @NonNull String sku,
        String channelId,
        @NonNull List<@NonNull StockLevelView> locations,
        @Description("Sum of available over the locations serving the channel (all locations when no channel is given)")
        long availableToPromise) {
}
