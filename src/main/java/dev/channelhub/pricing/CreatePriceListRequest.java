package dev.channelhub.pricing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.smallrye.graphql.api.Nullable;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.time.Instant;
import java.util.List;

/** {@code POST /price-lists} body and GraphQL {@code PriceListInput} (for {@code upsertPriceList}, keyed by code). */
@Input("PriceListInput")
public record CreatePriceListRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(min = 3, max = 3) String currency,
        @Min(0) @Max(100000) @Description("Default: 400 channel scope, 300 group, 200 type, 100 base; +50 with customer groups") Integer priority,
        @Valid PriceScope scope,
        Instant validFrom,
        Instant validTo,
        @Nullable @Size(max = 50000) List<@NotNull @Valid PriceEntry> entries) {
}
