package dev.channelhub.aftersales;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("RefundReturnInput")
@Schema(description = "How the money goes back (e.g. BANK_TRANSFER, ORIGINAL_PAYMENT) and its reference")
public record RefundReturnRequest(
        @NonNull @NotBlank @Size(max = 64) String method,
        @Size(max = 200) String reference) {
}
