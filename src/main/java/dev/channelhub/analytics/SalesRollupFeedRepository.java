package dev.channelhub.analytics;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** SQL of the sales rollups' outbox feed ({@link SalesRollupFeed}) and of the low-stock check left in the order. */
@ApplicationScoped
public class SalesRollupFeedRepository {

    /**
     * Applies the next committed order events to the rollups and moves the cursor in the same transaction, so each
     * event counts exactly once (analytics_apply_outbox, V21_1). $3: wait for an instance that is applying.
     */
    private static final String APPLY = """
            select analytics_apply_outbox($1, $2, $3) as n""";

    /** The SKUs an order's reservation just took below their low-stock threshold (stock_low_crossings_of_order, V21_1). */
    private static final String LOW_STOCK_OF_ORDER = """
            select sku, product_id, available, threshold from stock_low_crossings_of_order($1, $2)""";

    private final Db db;

    public SalesRollupFeedRepository(Db db) {
        this.db = db;
    }

    /** One batch by the background feed: skips when another instance is applying (-1); a background statement. */
    public Uni<Integer> applyInBackground(String zone, int limit) {
        return db.background().list(APPLY, Tuple.of(zone, limit, false), r -> r.getInteger("n")).map(rows -> rows.get(0));
    }

    /** One batch for a reader that must see every committed order: waits for a batch in progress elsewhere. */
    public Uni<Integer> applyNow(String zone, int limit) {
        return db.one(APPLY, Tuple.of(zone, limit, true), r -> r.getInteger("n")).map(n -> n.orElse(0));
    }

    public Uni<List<AnalyticsRepository.LowStock>> lowStockOfOrder(SqlClient tx, String tenant, UUID orderId) {
        return db.list(tx, LOW_STOCK_OF_ORDER, Tuple.of(tenant, orderId),
                r -> new AnalyticsRepository.LowStock(r.getString("sku"), r.getUUID("product_id"), r.getLong("available"),
                        r.getLong("threshold")));
    }
}
