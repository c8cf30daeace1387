package dev.channelhub.channel;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

@Type("ChannelRating")
public record RatingView(
        @NonNull @Id String id,
        @NonNull @Id String channelId,
        @NonNull String period,
        int score,
        @NonNull String tier,
        String notes,
        @NonNull String ratedBy,
        @NonNull Instant ratedAt) {
}
