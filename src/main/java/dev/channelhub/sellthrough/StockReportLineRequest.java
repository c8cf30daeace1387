package dev.channelhub.sellthrough;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

@Input("StockReportLineInput")
public record StockReportLineRequest(
        @NotBlank @Size(max = 64) String sku,
        @NotNull @Min(0) @Max(100_000_000) Integer quantity) {
}
