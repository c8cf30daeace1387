package dev.channelhub.pricing;

import org.eclipse.microprofile.graphql.Input;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;

import java.util.List;

/** {@code PUT /price-lists/{id}/entries}: upsert by (sku, minQuantity), all in one transaction. */
@Input("ReplacePriceListEntriesInput")
public record PriceEntriesRequest(
        @NotNull @Size(max = 50000) List<@NotNull @Valid PriceEntry> entries,
        @Description("Also delete the list's entries that are not in this request") Boolean replace) {
}
