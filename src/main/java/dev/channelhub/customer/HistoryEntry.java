package dev.channelhub.customer;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** One line of a customer's history: CREATED, MERGED_IN, MERGED_INTO, UNMERGED_OUT, RESTORED, UPDATED. */
@Type("CustomerHistoryEntry")
public record HistoryEntry(@NonNull @Id String id, @NonNull String action, @Id String relatedCustomerId, @Id String channelId,
                           String actor, String reason, @NonNull Instant occurredAt) {
}
