package dev.channelhub.funds;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Evidence for an expense claim (invoice, photo of the display, event report), as a link. */
@Type("ExpenseClaimAttachment")
@Input("ExpenseClaimAttachmentInput")
public record ClaimAttachment(
        @NonNull @NotBlank @Size(max = 300) String name,
        @NonNull @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {
}
