package dev.channelhub.analytics;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A SKU whose available stock over all locations is below its threshold. */
@Type("LowStockRow")
public record LowStockRow(@NonNull String sku, String name, long threshold, long onHand, long reserved, long available) {
}
