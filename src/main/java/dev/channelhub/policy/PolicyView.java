package dev.channelhub.policy;

import dev.channelhub.shared.relay.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** A published policy at its current version. Partners see it without the audience. */
@Type("Policy")
public record PolicyView(
        @NonNull @Id String id,
        @NonNull String title,
        @NonNull PolicyKind kind,
        @NonNull String body,
        @NonNull List<@NonNull Attachment> attachments,
        @Description("Null for partners") Audience audience,
        boolean requiresAcknowledgement,
        @NonNull Instant effectiveFrom,
        Instant expiresAt,
        @Description("The policy's version; every edit publishes a new one, acknowledgements are per version") int version,
        @NonNull Instant publishedAt,
        @NonNull Instant updatedAt) implements Node {

    PolicyView forPartner() {
        return new PolicyView(id, title, kind, body, attachments, null, requiresAcknowledgement, effectiveFrom, expiresAt, version,
                publishedAt, updatedAt);
    }
}
