package dev.channelhub.inventory;

import dev.channelhub.shared.relay.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** A stock location and the channels it serves ({@code channelIds} null: every channel). */
@Type("Location")
public record LocationView(
        @NonNull @Id String id,
        @NonNull String code,
        @NonNull String name,
        @NonNull LocationType type,
        String region,
        @Description("Channels this location serves; null means every channel") List<@NonNull String> channelIds,
        int priority,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt) implements Node {
}
