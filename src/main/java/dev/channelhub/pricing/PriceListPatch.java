package dev.channelhub.pricing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.time.Instant;

/** {@code PATCH /price-lists/{id}}: absent fields stay; entries change through {@code PUT /price-lists/{id}/entries}. */
@Input("PriceListPatchInput")
public record PriceListPatch(
        @Size(min = 1, max = 200) String name,
        @Min(0) @Max(100000) Integer priority,
        @Valid PriceScope scope,
        Instant validFrom,
        Instant validTo) {
}
