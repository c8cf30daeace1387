package dev.channelhub.channel;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static dev.channelhub.channel.ChannelStatus.ACTIVE;
import static dev.channelhub.channel.ChannelStatus.APPLIED;
import static dev.channelhub.channel.ChannelStatus.REJECTED;
import static dev.channelhub.channel.ChannelStatus.SUSPENDED;
import static dev.channelhub.channel.ChannelStatus.TERMINATED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ChannelLifecycleTest {

    /** Every (from, to) pair: exactly the contract's transitions are allowed. */
    @Test
    void transitionTable() {
        var allowed = java.util.Map.of(
                APPLIED, EnumSet.of(ACTIVE, REJECTED),
                ACTIVE, EnumSet.of(SUSPENDED, TERMINATED),
                SUSPENDED, EnumSet.of(ACTIVE, TERMINATED),
                REJECTED, EnumSet.noneOf(ChannelStatus.class),
                TERMINATED, EnumSet.noneOf(ChannelStatus.class));
        for (ChannelStatus from : ChannelStatus.values()) {
            for (ChannelStatus to : ChannelStatus.values()) {
                Set<ChannelStatus> ok = allowed.get(from);
                assertEquals(ok.contains(to), ChannelLifecycle.canTransition(from, to), from + " -> " + to);
            }
        }
    }

    @Test
    void initialStatusByType() {
        for (ChannelType type : ChannelType.values()) {
            ChannelStatus expected = switch (type) {
                case DIRECT, ONLINE_STORE, MINI_PROGRAM, MARKETPLACE -> ACTIVE;
                case DISTRIBUTOR, AGENT, RETAIL_STORE -> APPLIED;
            };
            assertEquals(expected, ChannelLifecycle.initialStatus(type), type.name());
        }
    }

    @Test
    void onlyActiveChannelsOrder() {
        for (ChannelStatus s : ChannelStatus.values()) {
            assertEquals(s == ACTIVE, ChannelLifecycle.canOrder(s), s.name());
        }
    }
}
