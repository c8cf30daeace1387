package dev.channelhub.analytics;

import dev.channelhub.events.EventOutbox;
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
 * What an order's own transaction still does for analytics: on placement, one statement that answers the SKUs whose
 * reservation just took them below their low-stock threshold (a stock.low event each; it compares with the stock of
 * that moment, so it cannot wait), and per refund the refund's rollup rows (revenue net of refunds in the refund's
 * period, analytics_apply_refund in V12_1). Orders reach the sales rollups after they commit, from the outbox
 * ({@link SalesRollupFeed}).
 */
@ApplicationScoped
public class SalesRollupHook implements OrderPlacedHook, OrderRefundedHook {

    private final AnalyticsRepository analytics;
    private final SalesRollupFeedRepository feed;
    private final EventOutbox outbox;
    private final AnalyticsSettings settings;

    public SalesRollupHook(AnalyticsRepository analytics, SalesRollupFeedRepository feed, EventOutbox outbox, AnalyticsSettings settings) {
        this.analytics = analytics;
        this.feed = feed;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    public Uni<Void> onPlaced(SqlClient tx, Caller caller, PlacedOrder order) {
        return feed.lowStockOfOrder(tx, caller.tenant(), order.orderId())
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
    public Uni<Void> onRefunded(SqlClient tx, Caller caller, UUID orderId, UUID refundId) {
        return analytics.applyRefund(tx, caller.tenant(), refundId, settings.zoneName());
    }
}
