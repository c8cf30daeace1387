package dev.channelhub.aftersales;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code POST /returns}: the order and the lines to send back. */
@Input("CreateReturnInput")
@Schema(description = "A return request (RMA) for shipped units of one order")
public record CreateReturnRequest(
        @NonNull @Id @NotBlank String orderId,
        @NonNull @NotEmpty @Size(max = 200) List<@NonNull @Valid ReturnLineRequest> lines,
        @Size(max = 2000) String note) {
}
