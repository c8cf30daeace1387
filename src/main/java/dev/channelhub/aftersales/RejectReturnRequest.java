package dev.channelhub.aftersales;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("RejectReturnInput")
@Schema(description = "Why the return is rejected")
public record RejectReturnRequest(@NonNull @NotBlank @Size(max = 500) String reason) {
}
