package dev.channelhub.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

/** {@code POST /stock/adjustments} body and the GraphQL {@code StockAdjustmentInput}. */
@Input("StockAdjustmentInput")
public record StockAdjustmentRequest(
        @NotBlank @Size(max = 64) String locationCode,
        @NotBlank @Size(max = 64) String sku,
        @NotNull @Min(-1_000_000_000_000L) @Max(1_000_000_000_000L) Long delta,
        @NotBlank @Size(max = 500) String reason) {
}
