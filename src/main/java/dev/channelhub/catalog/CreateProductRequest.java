package dev.channelhub.catalog;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.math.BigDecimal;

/** {@code POST /products} body and the GraphQL {@code CreateProductInput}. */
@Input("CreateProductInput")
public record CreateProductRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = Skus.PATTERN, message = Skus.MESSAGE) String sku,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 64) String category,
        @Size(min = 1, max = 32) String unit,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal floorPrice,
        @Size(min = 3, max = 3) String currency,
        ProductStatus status,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal costPrice,
        @Size(max = 64) String requiresCertification) {
}
