package dev.channelhub.events;

import org.eclipse.microprofile.graphql.NonNull;
import java.time.Instant;

/** One entry of a webhook's delivery log. */
public record DeliveryView(@NonNull String id, @NonNull String webhookId, @NonNull String eventId, long eventSequence, @NonNull String eventType, String aggregateId,
                           boolean replay, @NonNull String status, int attempts, Integer lastStatusCode, String lastError,
                           Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, @NonNull Instant createdAt) {
}
