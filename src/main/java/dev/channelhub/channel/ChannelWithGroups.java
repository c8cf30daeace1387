package dev.channelhub.channel;

import java.util.List;
import java.util.UUID;

/** A channel with the ids of the groups it belongs to (static members and rule matches), ordered. */
public record ChannelWithGroups(ChannelView channel, List<UUID> groupIds) {
}
