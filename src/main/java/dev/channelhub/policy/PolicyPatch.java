package dev.channelhub.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.time.Instant;
import java.util.List;

/**
 * {@code PATCH /policies/{id}}: every field optional; absent fields keep their value. Any change publishes a new
 * version. A changed audience adds the channels it newly reaches; channels already targeted stay targeted.
 */
@Input("UpdatePolicyInput")
public record PolicyPatch(
        @Size(max = 300) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
        PolicyKind kind,
        @Size(max = 100000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String body,
        @Size(max = 50) List<@Valid Attachment> attachments,
        @Valid Audience audience,
        Boolean requiresAcknowledgement,
        Instant effectiveFrom,
        Instant expiresAt) {

    public boolean isEmpty() {
        return title == null && kind == null && body == null && attachments == null && audience == null
                && requiresAcknowledgement == null && effectiveFrom == null && expiresAt == null;
    }
}
