package dev.channelhub.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

@Input("OrderLineInput")
public record OrderLineRequest(
        @NotBlank @Size(max = 64) String sku,
        @NotNull @Min(1) @Max(1_000_000) Integer quantity) {
}
