package dev.channelhub.channel;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One entry of a channel's history ({@code channel_status_history}, V2_1): written once, never changed. */
@Entity
@Table(name = "channel_status_history")
@IdClass(TenantKey.class)
public class ChannelHistoryEntity extends TenantEntity {

    @Column(name = "channel_id", nullable = false)
    public UUID channelId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    public ChannelStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", length = 16, nullable = false)
    public ChannelStatus toStatus;

    @Column(name = "actor", length = 200, nullable = false)
    public String actor;

    @Column(name = "reason", length = 1000)
    public String reason;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    static ChannelHistoryEntity of(String tenant, UUID id, UUID channelId, ChannelStatus from, ChannelStatus to, String actor,
                                   String reason, Instant at) {
        ChannelHistoryEntity h = new ChannelHistoryEntity();
        h.tenantId = tenant;
        h.id = id;
        h.channelId = channelId;
        h.fromStatus = from;
        h.toStatus = to;
        h.actor = actor;
        h.reason = reason;
        h.occurredAt = at;
        return h;
    }
}
