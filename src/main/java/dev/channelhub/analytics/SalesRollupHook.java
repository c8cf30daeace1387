package dev.channelhub.analytics;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.order.OrderCancelledHook;
import dev.channelhub.order.OrderPlacedHook;
import dev.channelhub.order.OrderRefundedHook;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

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

    private final AnalyticsRepository analytics;
    private final EventOutbox outbox;
    private final AnalyticsSettings settings;

    public SalesRollupHook(AnalyticsRepository analytics, EventOutbox outbox, AnalyticsSettings settings) {
        this.analytics = analytics;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    public Uni<Void> onPlaced(SqlClient tx, Caller caller, PlacedOrder order) {
        return analytics.applyPlacedOrder(tx, caller.tenant(), order.orderId(), settings.zoneName())
                .flatMap(low -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (AnalyticsRepository.LowStock r : low) {
                        Map<String, Object> payload = new LinkedHashMap<>();
                        payload.put("sku", r.sku());
                        payload.put("available", r.available());
                        payload.put("threshold", r.threshold());
                        payload.put("orderId", order.orderId().toString());
                        UUID productId = r.productId();
                        chain = chain.flatMap(x -> outbox.append(tx, caller, "stock.low", "product", productId, order.channelId(), payload));
                    }
                    return chain;
                });
    }

    @Override
    public Uni<Void> onCancelled(SqlClient tx, Caller caller, UUID orderId, UUID channelId) {
        return analytics.applyCancelledOrder(tx, caller.tenant(), orderId, settings.zoneName());
    }

    @Override
    public Uni<Void> onRefunded(SqlClient tx, Caller caller, UUID orderId, UUID refundId) {
        return analytics.applyRefund(tx, caller.tenant(), refundId, settings.zoneName());
    }
}
