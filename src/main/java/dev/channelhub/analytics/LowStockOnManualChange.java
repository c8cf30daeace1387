package dev.channelhub.analytics;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.inventory.LedgerKind;
import dev.channelhub.inventory.StockLowered;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * stock.low for manual changes: when a set or an adjustment takes a SKU's available total (all locations) from at
 * or above its threshold to below it, one event in the same transaction; one statement, only when stock went down.
 */
@ApplicationScoped
public class LowStockOnManualChange implements StockLowered {

    @Inject
    Db db;

    @Inject
    EventOutbox outbox;

    @Override
    public Uni<Void> onLowered(SqlClient tx, Caller caller, String sku, long decrease, String locationCode, LedgerKind kind) {
        // The crossing rule is the database's stock_low_crossing (V8_1), shared with analytics_apply_order for orders.
        return db.one(tx, "select product_id, available, threshold from stock_low_crossing($1, $2, $3)",
                Tuple.of(caller.tenant(), sku, decrease), r -> r).flatMap(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Row r = found.get();
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("sku", sku);
                    payload.put("available", r.getLong("available"));
                    payload.put("threshold", r.getLong("threshold"));
                    payload.put("locationCode", locationCode);
                    payload.put("kind", kind.name());
                    return outbox.append(tx, caller, "stock.low", "product", r.getUUID("product_id"), null, payload);
                });
    }
}
