package dev.channelhub.channel;

import java.util.UUID;

/** What a channel list is narrowed to; null components do not filter. */
public record ChannelFilter(ChannelType type, ChannelStatus status, String tier, String region, UUID parentId) {
}
