package dev.channelhub.order;

import java.time.Instant;
import java.util.UUID;

/** The filter of a list query, shared by REST, GraphQL and the service; null fields do not filter. */
public record OrderFilter(UUID channelId, UUID customerId, OrderStatus status, PaymentStatus paymentStatus, Instant from, Instant to) {
}
