package dev.channelhub.channel;

import dev.channelhub.shared.relay.Node;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;

/** A channel as REST and GraphQL show it. */
@Type("Channel")
public record ChannelView(
        @NonNull @Id String id,
        @NonNull String code,
        @NonNull String name,
        @NonNull ChannelType type,
        @NonNull ChannelStatus status,
        String region,
        String tier,
        String parentId,
        BigDecimal creditLimit,
        @NonNull String currency,
        ContactView contact,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt) implements Node {
}
