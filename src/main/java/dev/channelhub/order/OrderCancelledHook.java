package dev.channelhub.order;

import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.util.UUID;

/**
 * Called inside the cancellation transaction after the order row is CANCELLED and its reservations are released
 * (e.g. analytics subtracts the order from its sales rollups).
 */
public interface OrderCancelledHook {

    Uni<Void> onCancelled(SqlClient tx, Caller caller, UUID orderId, UUID channelId);
}
