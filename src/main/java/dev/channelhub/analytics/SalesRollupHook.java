package dev.channelhub.analytics;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.order.OrderCancelledHook;
import dev.channelhub.order.OrderPlacedHook;
import dev.channelhub.order.OrderRefundedHook;
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
 * Keeps the sales rollups current inside the order's own transaction: one statement on placement (which also
 * answers the SKUs whose reservation just took them below their low-stock threshold: a stock.low event each) and
 * one on cancellation, and one per refund (revenue net of refunds in the refund's period, analytics_apply_refund in V12_1). The SQL lives in analytics_apply_order (migration V7_3), next to analytics_rebuild.
 */
@ApplicationScoped
public class SalesRollupHook implements OrderPlacedHook, OrderCancelledHook, OrderRefundedHook {

    @Inject
    Db db;

    @Inject
    EventOutbox outbox;

    @Inject
    AnalyticsSettings settings;

    @Override
    public Uni<Void> onPlaced(SqlClient tx, Caller caller, PlacedOrder order) {
        return db.list(tx, "select sku, product_id, available, threshold from analytics_apply_order($1, $2, 1, $3)",
                        Tuple.of(caller.tenant(), order.orderId(), settings.zoneName()), r -> r)
                .flatMap(low -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Row r : low) {
                        Map<String, Object> payload = new LinkedHashMap<>();
                        payload.put("sku", r.getString("sku"));
                        payload.put("available", r.getLong("available"));
                        payload.put("threshold", r.getLong("threshold"));
                        payload.put("orderId", order.orderId().toString());
                        UUID productId = r.getUUID("product_id");
                        chain = chain.flatMap(x -> outbox.append(tx, caller, "stock.low", "product", productId, order.channelId(), payload));
                    }
                    return chain;
                });
    }

    @Override
    public Uni<Void> onCancelled(SqlClient tx, Caller caller, UUID orderId, UUID channelId) {
        return db.query(tx, "select count(*) from analytics_apply_order($1, $2, -1, $3)", Tuple.of(caller.tenant(), orderId, settings.zoneName()))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> onRefunded(SqlClient tx, Caller caller, UUID orderId, UUID refundId) {
        return db.query(tx, "select analytics_apply_refund($1, $2, $3)", Tuple.of(caller.tenant(), refundId, settings.zoneName()))
                .replaceWithVoid();
    }
}
