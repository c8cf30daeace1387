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
import java.util.UUID;

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
        return db.one(tx, "select t.threshold, coalesce(s.available, 0)::bigint as available, p.id as product_id"
                        + " from stock_threshold t"
                        + " left join lateral (select sum(sl.on_hand - sl.reserved) as available from stock_level sl"
                        + "   where sl.tenant_id = t.tenant_id and sl.sku = t.sku) s on true"
                        + " left join product p on p.tenant_id = t.tenant_id and p.sku = t.sku"
                        + " where t.tenant_id = $1 and t.sku = $2 and coalesce(s.available, 0) < t.threshold"
                        + " and coalesce(s.available, 0) + $3 >= t.threshold",
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
                    UUID productId = r.getUUID("product_id") == null ? new UUID(0, 0) : r.getUUID("product_id");
                    return outbox.append(tx, caller, "stock.low", "product", productId, null, payload);
                });
    }
}
