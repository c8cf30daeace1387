package dev.channelhub.inventory;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** Stock of one SKU at one location; available = onHand - reserved. */
@Type("StockLevel")
public record StockLevelView(
        @NonNull String locationCode,
        @NonNull String sku,
        long onHand,
        long reserved,
        long available,
        int priority,
        int version,
        @NonNull Instant updatedAt) {
}
