package dev.channelhub.analytics.survey;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One NPS answer ({@code nps_response}, V7_1): written once, never changed. The channel scorecard reads the table with
 * SQL ({@code analytics/AnalyticsRepository}). Only {@link SurveyService} uses it.
 */
@Entity
@Table(name = "nps_response")
@IdClass(TenantKey.class)
public class NpsResponseEntity extends TenantEntity {

    @Column(name = "channel_id", nullable = false)
    public UUID channelId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "score", nullable = false)
    public short score;

    @Column(name = "comment", length = 2000)
    public String comment;

    @Column(name = "recorded_by", length = 200)
    public String recordedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    NpsResponseView toView() {
        return new NpsResponseView(id.toString(), channelId.toString(), customerId == null ? null : customerId.toString(),
                score, comment, createdAt);
    }
}
