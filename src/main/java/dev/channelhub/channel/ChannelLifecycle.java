package dev.channelhub.channel;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The channel state machine (API-CONTRACT §4 Channels). Pure: no I/O. */
public final class ChannelLifecycle {

    private static final Map<ChannelStatus, Set<ChannelStatus>> ALLOWED = Map.of(
            ChannelStatus.APPLIED, EnumSet.of(ChannelStatus.ACTIVE, ChannelStatus.REJECTED),
            ChannelStatus.ACTIVE, EnumSet.of(ChannelStatus.SUSPENDED, ChannelStatus.TERMINATED),
            ChannelStatus.SUSPENDED, EnumSet.of(ChannelStatus.ACTIVE, ChannelStatus.TERMINATED),
            ChannelStatus.REJECTED, EnumSet.noneOf(ChannelStatus.class),
            ChannelStatus.TERMINATED, EnumSet.noneOf(ChannelStatus.class));

    private ChannelLifecycle() {
    }

    /** Owned channels start ACTIVE; partners apply and are admitted (准入). */
    public static ChannelStatus initialStatus(ChannelType type) {
        return type.isPartner() ? ChannelStatus.APPLIED : ChannelStatus.ACTIVE;
    }

    public static boolean canTransition(ChannelStatus from, ChannelStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    public static Set<ChannelStatus> next(ChannelStatus from) {
        return ALLOWED.getOrDefault(from, Set.of());
    }

    /** Only ACTIVE channels can order. */
    public static boolean canOrder(ChannelStatus status) {
        return status == ChannelStatus.ACTIVE;
    }
}
