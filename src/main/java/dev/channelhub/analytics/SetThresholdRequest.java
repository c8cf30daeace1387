package dev.channelhub.analytics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.graphql.Input;

/** The low-stock threshold of a SKU: it is low when available (all locations) is below this. */
@Input("SetStockThresholdInput")
public record SetThresholdRequest(@NotNull @Min(0) @Max(1_000_000_000_000L) Long threshold) {
}
