package dev.channelhub.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes of low-stock thresholds: {@link StockThresholdEntity} in the service's Hibernate Reactive transaction, found by
 * its {@link StockThresholdKey}. The reads (one threshold, the low-stock report) stay SQL in {@link AnalyticsRepository}.
 */
@ApplicationScoped
public class StockThresholdRepository implements PanacheRepositoryBase<StockThresholdEntity, StockThresholdKey> {

    /**
     * Serialises the first setting of a SKU's threshold: two transactions that both find no row would otherwise both
     * insert, and one would fail on the primary key (the upsert this replaces never failed).
     */
    private static final String LOCK_KEY = """
            select 1 from pg_advisory_xact_lock(hashtextextended('stock-threshold:' || ?1 || ':' || ?2, 0))""";

    /** The threshold row locked for the rest of the transaction ({@code for no key update}); null when absent. */
    public Uni<StockThresholdEntity> lockEntity(String tenant, String sku) {
        return findById(StockThresholdKey.of(tenant, sku), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Holds the SKU's threshold key until the transaction ends (see {@link #LOCK_KEY}). */
    public Uni<Void> lockKey(Mutiny.Session session, String tenant, String sku) {
        return session.createNativeQuery(LOCK_KEY).setParameter(1, tenant).setParameter(2, sku).getSingleResult().replaceWithVoid();
    }
}
