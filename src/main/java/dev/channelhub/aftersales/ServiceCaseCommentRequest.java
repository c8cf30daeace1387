package dev.channelhub.aftersales;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("ServiceCaseCommentInput")
@Schema(description = "A comment on a service case")
public record ServiceCaseCommentRequest(@NonNull @NotBlank @Size(max = 4000) String body) {
}
