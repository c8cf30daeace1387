package dev.channelhub.events;

import java.time.Instant;

/** One entry of a webhook's delivery log. */
public record DeliveryView(String id, String webhookId, String eventId, long eventSequence, String eventType, String aggregateId,
                           boolean replay, String status, int attempts, Integer lastStatusCode, String lastError,
                           Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, Instant createdAt) {
}
