package dev.channelhub.customer;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** A normalised identity; {@code originCustomerId} is the customer it first belonged to (merge lineage). */
@Type("CustomerIdentity")
public record IdentityView(@NonNull IdentityKind kind, @NonNull String value, @Id String channelId,
                           @NonNull @Id String originCustomerId, @NonNull Instant createdAt) {
}
