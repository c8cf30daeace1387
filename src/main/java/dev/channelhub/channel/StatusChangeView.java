package dev.channelhub.channel;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** One entry of a channel's history: its creation ({@code from} null) or a transition. */
@Type("ChannelStatusChange")
public record StatusChangeView(
        @NonNull @Id String id,
        @NonNull @Id String channelId,
        ChannelStatus from,
        @NonNull ChannelStatus to,
        @NonNull String actor,
        String reason,
        @NonNull Instant at) {
}
