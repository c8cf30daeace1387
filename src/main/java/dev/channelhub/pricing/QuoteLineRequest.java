package dev.channelhub.pricing;

import dev.channelhub.catalog.Skus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

@Input("QuoteLineInput")
public record QuoteLineRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = Skus.PATTERN, message = Skus.MESSAGE) String sku,
        @NotNull @Min(1) @Max(1_000_000) Integer quantity) {
}
