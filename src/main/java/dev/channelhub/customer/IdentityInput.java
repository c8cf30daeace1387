package dev.channelhub.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** One identity as a caller gives it; the service normalises the value. */
@Input("IdentityInput")
public record IdentityInput(@NonNull @NotNull IdentityKind kind, @NonNull @NotBlank @Size(max = 320) String value) {
}
