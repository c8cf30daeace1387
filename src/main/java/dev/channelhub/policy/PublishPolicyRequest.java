package dev.channelhub.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.time.Instant;
import java.util.List;

/** {@code POST /policies} body and the GraphQL {@code PublishPolicyInput}. */
@Input("PublishPolicyInput")
public record PublishPolicyRequest(
        @NotBlank @Size(max = 300) String title,
        @NotNull PolicyKind kind,
        @NotBlank @Size(max = 100000) String body,
        @Size(max = 50) List<@Valid Attachment> attachments,
        @NotNull @Valid Audience audience,
        Boolean requiresAcknowledgement,
        Instant effectiveFrom,
        Instant expiresAt) {
}
