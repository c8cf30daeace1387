package dev.channelhub.aftersales;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("ReassignServiceCaseInput")
@Schema(description = "The channel that takes the case over")
public record ReassignServiceCaseRequest(@NonNull @Id @NotBlank String channelId) {
}
