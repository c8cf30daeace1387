package dev.channelhub.lead;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * The tenant's lead and deal settings ({@code lead_settings}, V6_1): one row per tenant, keyed by the tenant alone,
 * created at the first change (absent = {@link LeadSettings#defaults()}). {@code version} counts the changes (not in
 * the contract). Lead routing and deal registration read the settings with SQL in their own transactions
 * ({@link LeadSettingsRepository#settings}); only the lead feature uses this class.
 */
@Entity
@Table(name = "lead_settings")
public class LeadSettingsEntity extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id", length = 64)
    public String tenantId;

    @Column(name = "accept_deadline_minutes", nullable = false)
    public int acceptDeadlineMinutes;

    @Column(name = "deal_protection_days", nullable = false)
    public int dealProtectionDays;

    @Version
    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    LeadSettings toView() {
        return new LeadSettings(acceptDeadlineMinutes, dealProtectionDays);
    }
}
