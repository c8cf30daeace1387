package dev.channelhub.aftersales;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("ReceiveReturnLineInput")
@Schema(description = "Units of a returned SKU that arrived, and what happens to them")
public record ReceiveLineRequest(
        @NonNull @NotBlank @Size(max = 64) String sku,
        @Min(0) @Max(1_000_000) int quantity,
        @NonNull @NotNull Disposition disposition) {
}
