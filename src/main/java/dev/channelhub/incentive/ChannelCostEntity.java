package dev.channelhub.incentive;

import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One recorded channel cost ({@code channel_cost}, V13_0); insert-only. */
@Entity
@Table(name = "channel_cost")
@IdClass(TenantKey.class)
public class ChannelCostEntity extends TenantEntity {

    @Column(name = "channel_id", nullable = false)
    public UUID channelId;

    @Column(name = "cost_date", nullable = false)
    public LocalDate costDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 16, nullable = false)
    public ChannelCostCategory category;

    @Column(name = "amount", precision = 19, scale = 4, nullable = false)
    public BigDecimal amount;

    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    @Column(name = "note", length = 500)
    public String note;

    @Column(name = "expense_claim_id")
    public UUID expenseClaimId;

    @Column(name = "created_by", length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public ChannelCostView toView() {
        return new ChannelCostView(id.toString(), channelId.toString(), costDate, category, Money.round(amount, currency), currency, note,
                expenseClaimId == null ? null : expenseClaimId.toString(), createdBy, createdAt);
    }
}
