package dev.channelhub.catalog;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.math.BigDecimal;

/**
 * {@code PATCH /products/{sku}} and GraphQL {@code UpdateProductInput}: absent fields stay as they are. Raising the
 * floor above existing price-list entries is refused with PRICE_BELOW_FLOOR (listing them) unless {@code force}.
 */
@Input("UpdateProductInput")
public record ProductPatch(
        @Size(min = 1, max = 200) String name,
        @Size(max = 64) String category,
        @Size(min = 1, max = 32) String unit,
        ProductStatus status,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal floorPrice,
        @Size(min = 3, max = 3) String currency,
        @Description("Apply a floor even though price-list entries are below it") Boolean force,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal costPrice,
        @Size(max = 64) String requiresCertification) {
}
