package dev.channelhub.analytics;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.inventory.LedgerKind;
import dev.channelhub.inventory.StockLowered;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * stock.low for manual changes: when a set or an adjustment takes a SKU's available total (all locations) from at
 * or above its threshold to below it, one event in the same transaction; one statement, only when stock went down.
 */
@ApplicationScoped
public class LowStockOnManualChange implements StockLowered {

    private final AnalyticsRepository analytics;
    private final EventOutbox outbox;

    public LowStockOnManualChange(AnalyticsRepository analytics, EventOutbox outbox) {
        this.analytics = analytics;
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> onLowered(SqlClient tx, Caller caller, String sku, long decrease, String locationCode, LedgerKind kind) {
        return analytics.lowStockCrossing(tx, caller.tenant(), sku, decrease).flatMap(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    AnalyticsRepository.LowStock r = found.get();
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("sku", sku);
                    payload.put("available", r.available());
                    payload.put("threshold", r.threshold());
                    payload.put("locationCode", locationCode);
                    payload.put("kind", kind.name());
                    return outbox.append(tx, caller, "stock.low", "product", r.productId(), null, payload);
                });
    }
}
