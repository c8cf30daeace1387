package dev.channelhub.funds;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * Market-fund budgets: {@link FundBudgetEntity} in the service's Hibernate Reactive transaction (set, and the row lock of
 * an approval); the read with its approved sum is one SQL statement on the pool.
 */
@ApplicationScoped
public class FundBudgetRepository implements PanacheRepositoryBase<FundBudgetEntity, TenantKey> {

    /** Serialises the first setting of a channel's budget for a period (both would insert; one would fail on the unique key). */
    private static final String LOCK_KEY = """
            select 1 from pg_advisory_xact_lock(hashtextextended('fund-budget:' || ?1 || ':' || ?2 || ':' || ?3, 0))""";

    /** The amount of the channel's APPROVED claims of the period; read after the budget row is locked, so it is current. */
    private static final String APPROVED_SUM = """
            select coalesce(sum(amount), 0) from expense_claim
            where tenant_id = ?1 and channel_id = ?2 and period = ?3 and status = 'APPROVED'""";

    private static final String FIND = """
            select b.channel_id, b.period, b.currency, b.amount, b.version, b.updated_at,
                   coalesce((select sum(c.amount) from expense_claim c
                             where c.tenant_id = b.tenant_id and c.channel_id = b.channel_id and c.period = b.period
                               and c.status = 'APPROVED'), 0) as approved
            from fund_budget b where b.tenant_id = $1 and b.channel_id = $2 and b.period = $3""";

    private final Db db;

    public FundBudgetRepository(Db db) {
        this.db = db;
    }

    /** The budget row locked for the rest of the transaction ({@code for no key update}); null when none is set. */
    public Uni<FundBudgetEntity> lockEntity(String tenant, UUID channelId, String period) {
        return find("tenantId = ?1 and channelId = ?2 and period = ?3", tenant, channelId, period)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Holds the (channel, period) budget key until the transaction ends (see {@link #LOCK_KEY}). */
    public Uni<Void> lockKey(Mutiny.Session session, String tenant, UUID channelId, String period) {
        return session.createNativeQuery(LOCK_KEY).setParameter(1, tenant).setParameter(2, channelId.toString()).setParameter(3, period)
                .getSingleResult().replaceWithVoid();
    }

    public Uni<BigDecimal> approvedSum(Mutiny.Session session, String tenant, UUID channelId, String period) {
        return session.createNativeQuery(APPROVED_SUM).setParameter(1, tenant).setParameter(2, channelId).setParameter(3, period)
                .getSingleResult().map(FundBudgetRepository::decimal);
    }

    public Uni<Optional<FundBudgetView>> find(String tenant, UUID channelId, String period) {
        return db.one(FIND, Tuple.of(tenant, channelId, period), FundBudgetRepository::view);
    }

    private static FundBudgetView view(Row r) {
        FundBudgetEntity e = new FundBudgetEntity();
        e.channelId = r.getUUID("channel_id");
        e.period = r.getString("period");
        e.currency = r.getString("currency");
        e.amount = r.getBigDecimal("amount");
        e.version = r.getInteger("version");
        e.updatedAt = r.getOffsetDateTime("updated_at").toInstant();
        return e.toView(r.getBigDecimal("approved"));
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
