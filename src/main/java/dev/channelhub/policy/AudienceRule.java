package dev.channelhub.policy;

import dev.channelhub.channel.ChannelView;

import java.util.Collection;
import java.util.UUID;

/** The contract's targeting rule, decided for one channel. */
public final class AudienceRule {

    private AudienceRule() {
    }

    /** Whether {@code channel}, a member of {@code channelGroupIds}, is targeted by the (normalised) audience. */
    public static boolean targets(Audience a, ChannelView channel, Collection<UUID> channelGroupIds) {
        boolean everyone = a.channelIds().isEmpty() && a.channelGroupIds().isEmpty();
        boolean listed = everyone || a.channelIds().contains(channel.id())
                || channelGroupIds.stream().anyMatch(g -> a.channelGroupIds().contains(g.toString()));
        return listed && passesFilters(a, channel);
    }

    /** The AND of every set filter among types, tiers and regions. */
    public static boolean passesFilters(Audience a, ChannelView channel) {
        return (a.channelTypes().isEmpty() || a.channelTypes().contains(channel.type()))
                && (a.tiers().isEmpty() || (channel.tier() != null && a.tiers().contains(channel.tier())))
                && (a.regions().isEmpty() || (channel.region() != null && a.regions().contains(channel.region())));
    }
}
