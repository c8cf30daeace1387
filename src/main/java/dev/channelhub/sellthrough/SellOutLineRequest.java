package dev.channelhub.sellthrough;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.time.LocalDate;

/** One reported sale: units of a SKU sold on a date (the channel's local date), optionally to a known customer. */
@Input("SellOutLineInput")
public record SellOutLineRequest(
        @NotBlank @Size(max = 64) String sku,
        @NotNull LocalDate date,
        @NotNull @Min(1) @Max(1_000_000) Integer quantity,
        String customerId) {
}
