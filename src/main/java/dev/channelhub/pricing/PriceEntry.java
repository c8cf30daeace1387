package dev.channelhub.pricing;

import dev.channelhub.catalog.Skus;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

/** One price of a list: a SKU's unit price from {@code minQuantity} units up (quantity tiers). */
@Type("PriceListEntry")
@Input("PriceListEntryInput")
public record PriceEntry(
        @NotBlank @Size(max = 64) @Pattern(regexp = Skus.PATTERN, message = Skus.MESSAGE) String sku,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal price,
        @Min(1) @Max(1_000_000) Integer minQuantity) {

    public int tier() {
        return minQuantity == null ? 1 : minQuantity;
    }
}
