package dev.channelhub.funds;

import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An expense claim ({@code expense_claim}, V14_1). {@code attachments} is {@code jsonb}, held as its JSON text (as
 * {@code PolicyEntity} does: Hibernate Reactive's JSON type binds only a {@code JsonObject}). Reads are SQL in
 * {@link ExpenseClaimRepository}; only the funds feature uses this class.
 */
@Entity
@Table(name = "expense_claim")
@IdClass(TenantKey.class)
public class ExpenseClaimEntity extends VersionedTenantEntity {

    @Column(name = "channel_id", nullable = false)
    public UUID channelId;

    @Column(name = "period", length = 7, nullable = false)
    public String period;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 16, nullable = false)
    public ExpenseCategory category;

    @Column(name = "amount", precision = 19, scale = 4, nullable = false)
    public BigDecimal amount;

    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    @Column(name = "description", length = 2000, nullable = false)
    public String description;

    @Column(name = "attachments", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(read = "cast(attachments as text)", write = "cast(cast(? as text) as jsonb)")
    public String attachmentsJson;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    public ExpenseClaimStatus status;

    @Column(name = "reject_reason", length = 1000)
    public String rejectReason;

    @Column(name = "submitted_by", length = 200)
    public String submittedBy;

    @Column(name = "decided_by", length = 200)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    ExpenseClaimView toView() {
        return new ExpenseClaimView(id.toString(), channelId.toString(), period, category, Money.round(amount, currency), currency,
                description, ExpenseClaimRepository.attachments(attachmentsJson), status, rejectReason, submittedBy, decidedBy,
                decidedAt, createdAt, updatedAt, version);
    }
}
