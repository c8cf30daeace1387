package dev.channelhub.pricing;

import dev.channelhub.catalog.Skus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.smallrye.graphql.api.Nullable;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code POST /promotions} body and GraphQL {@code CreatePromotionInput}. Neither skus nor categories: every SKU. */
@Input("CreatePromotionInput")
public record CreatePromotionRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only") String code,
        @Size(max = 200) String name,
        @NotNull PromotionKind kind,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Description("PERCENT_OFF 10 means 10 %") BigDecimal value,
        @Size(min = 3, max = 3) @Description("For AMOUNT_OFF and FIXED_PRICE (default CNY); a PERCENT_OFF without one applies in any currency") String currency,
        @Valid PriceScope scope,
        @Nullable @Size(max = 10000) List<@NotNull @Pattern(regexp = Skus.PATTERN, message = Skus.MESSAGE) @Size(max = 64) String> skus,
        @Nullable @Size(max = 1000) List<@NotBlank @Size(max = 64) String> categories,
        @Min(1) @Max(1_000_000) Integer minQuantity,
        Instant validFrom,
        Instant validTo) {
}
