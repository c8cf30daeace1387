package dev.channelhub.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A file or link that goes with a policy. */
@Type("PolicyAttachment")
@Input("PolicyAttachmentInput")
public record Attachment(
        @NonNull @NotBlank @Size(max = 300) String name,
        @NonNull @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {
}
