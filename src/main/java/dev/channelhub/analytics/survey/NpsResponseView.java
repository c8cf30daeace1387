package dev.channelhub.analytics.survey;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

@Type("NpsResponse")
public record NpsResponseView(@NonNull @Id String id, @NonNull @Id String channelId, @Id String customerId, int score,
                              String comment, @NonNull Instant createdAt) {
}
