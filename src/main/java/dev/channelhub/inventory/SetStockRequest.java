package dev.channelhub.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /stock/{locationCode}/{sku}} body. */
public record SetStockRequest(
        @NotNull @Min(0) @Max(1_000_000_000_000L) Long onHand,
        @Size(max = 500) String reason) {
}
