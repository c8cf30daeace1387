package dev.channelhub.order;

import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Called inside the order placement transaction after the order row exists, by every implementation
 * (e.g. deal registration counts a channel conflict when another partner protects the customer).
 * Implementations must not fail the order for their own bookkeeping reasons.
 */
public interface OrderPlacedHook {

    Uni<Void> onPlaced(SqlClient tx, Caller caller, PlacedOrder order);

    record PlacedOrder(UUID orderId, String number, UUID channelId, UUID customerId, BigDecimal total, String currency) {
    }
}
