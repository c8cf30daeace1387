package dev.channelhub.channel;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A rating of a channel ({@code channel_rating}, V2_1): kept for good; the newest sets the channel's tier. */
@Entity
@Table(name = "channel_rating")
@IdClass(TenantKey.class)
public class ChannelRatingEntity extends TenantEntity {

    @Column(name = "channel_id", nullable = false)
    public UUID channelId;

    @Column(name = "period", length = 32, nullable = false)
    public String period;

    @Column(name = "score", nullable = false)
    public short score;

    @Column(name = "tier", length = 64, nullable = false)
    public String tier;

    @Column(name = "notes", length = 2000)
    public String notes;

    @Column(name = "rated_by", length = 200, nullable = false)
    public String ratedBy;

    @Column(name = "rated_at", nullable = false)
    public Instant ratedAt;

    public RatingView toView() {
        return new RatingView(id.toString(), channelId.toString(), period, score, tier, notes, ratedBy, ratedAt);
    }
}
