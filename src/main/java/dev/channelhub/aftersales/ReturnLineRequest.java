package dev.channelhub.aftersales;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One SKU to send back: how many and why. */
@Input("ReturnLineInput")
@Schema(description = "A SKU of the order to return: units (at most shipped minus other returns) and reason")
public record ReturnLineRequest(
        @NonNull @NotBlank @Size(max = 64) String sku,
        @Min(1) @Max(1_000_000) int quantity,
        @NonNull @NotNull ReturnReason reason) {
}
