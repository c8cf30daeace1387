package dev.channelhub.lead;

import java.util.UUID;

/** The filter of a list query, shared by REST, GraphQL and the service; null fields do not filter. */
public record LeadFilter(LeadStatus status, UUID assignedChannelId, UUID sourceChannelId, UUID customerId) {
}
