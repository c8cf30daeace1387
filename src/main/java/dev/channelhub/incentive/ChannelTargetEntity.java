package dev.channelhub.incentive;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A channel's target for one period ({@code channel_target}, V13_1); actuals are computed when read. */
@Entity
@Table(name = "channel_target")
@IdClass(TenantKey.class)
public class ChannelTargetEntity extends VersionedTenantEntity {

    @Column(name = "channel_id", nullable = false)
    public UUID channelId;

    @Column(name = "period", length = 7, nullable = false)
    public String period;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "revenue", precision = 19, scale = 4, nullable = false)
    public BigDecimal revenue;

    @Column(name = "new_customers")
    public Integer newCustomers;

    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    @Column(name = "updated_by", length = 200)
    public String updatedBy;
}
