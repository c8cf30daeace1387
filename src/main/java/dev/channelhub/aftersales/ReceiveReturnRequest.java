package dev.channelhub.aftersales;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code POST /returns/{id}/receive}: where the goods arrived and what arrived; SKUs left out arrived with 0 units. */
@Input("ReceiveReturnInput")
@Schema(description = "The receiving location and the received units per SKU (RESTOCK adds to on hand there, SCRAP moves no stock)")
public record ReceiveReturnRequest(
        @NonNull @NotBlank @Size(max = 64) String locationCode,
        @NonNull @NotEmpty @Size(max = 200) List<@NonNull @Valid ReceiveLineRequest> lines) {
}
