package dev.channelhub.analytics;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

@Type("StockThreshold")
public record StockThresholdView(@NonNull String sku, long threshold, int version, Instant updatedAt) {
}
