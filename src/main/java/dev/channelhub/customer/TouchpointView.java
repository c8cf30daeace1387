package dev.channelhub.customer;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

@Type("Touchpoint")
public record TouchpointView(@NonNull @Id String id, @NonNull @Id String customerId, @NonNull @Id String channelId,
                             @NonNull TouchpointKind kind, @NonNull Instant occurredAt, String note, String actor,
                             @NonNull @Id String originCustomerId, @NonNull Instant createdAt) {
}
