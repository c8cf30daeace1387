package dev.channelhub.incentive;

import java.time.LocalDate;
import java.util.UUID;

/** Optional filters of the channel-cost list; dates inclusive. */
public record ChannelCostFilter(UUID channelId, ChannelCostCategory category, LocalDate from, LocalDate to) {
}
