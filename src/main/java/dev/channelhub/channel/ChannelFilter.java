package dev.channelhub.channel;

import java.util.UUID;

/** The filter of a list query, shared by REST, GraphQL and the service; null fields do not filter. */
public record ChannelFilter(ChannelType type, ChannelStatus status, String tier, String region, UUID parentId) {
}
