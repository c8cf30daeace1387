package dev.channelhub.aftersales;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("ServiceCaseTransitionInput")
@Schema(description = "The next status of the case and an optional note")
public record ServiceCaseTransitionRequest(@NonNull @NotNull ServiceCaseStatus to, @Size(max = 2000) String note) {
}
