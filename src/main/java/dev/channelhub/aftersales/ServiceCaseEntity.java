package dev.channelhub.aftersales;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A service case row ({@code service_case}, V12_2); only the after-sales feature uses it, others get {@link ServiceCaseView}s. */
@Entity
@Table(name = "service_case")
@IdClass(TenantKey.class)
public class ServiceCaseEntity extends VersionedTenantEntity {

    @Column(name = "number", length = 32, nullable = false)
    public String number;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "channel_id")
    public UUID channelId;

    @Column(name = "assigned_channel_id", nullable = false)
    public UUID assignedChannelId;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 16, nullable = false)
    public ServiceCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority", length = 8, nullable = false)
    public ServicePriority priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    public ServiceCaseStatus status;

    @Column(name = "subject", length = 200, nullable = false)
    public String subject;

    @Column(name = "description", length = 4000, nullable = false)
    public String description;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "satisfaction_score")
    public Integer satisfactionScore;

    @Column(name = "satisfaction_comment", length = 2000)
    public String satisfactionComment;

    @Column(name = "satisfaction_at")
    public Instant satisfactionAt;

    @Column(name = "overdue_notified_at")
    public Instant overdueNotifiedAt;

    @Column(name = "created_by", length = 200)
    public String createdBy;

    /** Hibernate's optimistic-lock counter, 0 on insert; the API's version (ETag) is this + 1, so it starts at 1 like every resource. */

    public ServiceCaseView toView(Instant now) {
        return new ServiceCaseView(id.toString(), number, str(customerId), str(orderId), str(channelId), assignedChannelId.toString(),
                category, priority, status, subject, description, dueAt, ServiceCaseLifecycle.overdue(status, dueAt, now), resolvedAt,
                satisfactionScore, satisfactionComment, createdAt, updatedAt, version + 1);
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
