package dev.channelhub.lead;

import java.util.UUID;

/** The filter of a list query, shared by REST, GraphQL and the service; null fields do not filter. */
public record DealFilter(DealStatus status, UUID channelId, UUID customerId) {
}
