package dev.channelhub.events;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import java.time.Instant;

/** One entry of a webhook's delivery log. */
@Type("WebhookDelivery")
public record DeliveryView(@NonNull @Id String id, @NonNull @Id String webhookId, @NonNull @Id String eventId, long eventSequence, @NonNull String eventType, String aggregateId,
                           boolean replay, @NonNull String status, int attempts, Integer lastStatusCode, String lastError,
                           Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, @NonNull Instant createdAt) {
}
