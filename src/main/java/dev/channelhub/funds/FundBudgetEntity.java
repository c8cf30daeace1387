package dev.channelhub.funds;

import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A channel's market-fund budget for one period ({@code fund_budget}, V14_1). Its row is the lock every approval of a
 * claim of that channel and period takes, so the approved sum is checked against it one approval at a time.
 * Only the funds feature uses it; others get {@link FundBudgetView}s.
 */
@Entity
@Table(name = "fund_budget")
@IdClass(TenantKey.class)
public class FundBudgetEntity extends VersionedTenantEntity {

    @Column(name = "channel_id", nullable = false)
    public UUID channelId;

    @Column(name = "period", length = 7, nullable = false)
    public String period;

    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    @Column(name = "amount", precision = 19, scale = 4, nullable = false)
    public BigDecimal amount;

    @Column(name = "updated_by", length = 200)
    public String updatedBy;

    FundBudgetView toView(BigDecimal approved) {
        BigDecimal a = Money.round(amount, currency);
        BigDecimal used = Money.round(approved, currency);
        return new FundBudgetView(channelId.toString(), period, currency, a, used, a.subtract(used), version, updatedAt);
    }
}
