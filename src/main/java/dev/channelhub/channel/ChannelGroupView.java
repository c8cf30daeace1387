package dev.channelhub.channel;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** A channel group; {@code memberIds} are the static members only (the members are these ∪ rule matches). */
@Type("ChannelGroup")
public record ChannelGroupView(
        @NonNull @Id String id,
        @NonNull String code,
        @NonNull String name,
        @Description("Static members; the group's members are these plus every channel the rule matches")
        @NonNull List<@NonNull String> memberIds,
        GroupRule rule,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt) {
}
