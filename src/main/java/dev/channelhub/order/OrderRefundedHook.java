package dev.channelhub.order;

import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.util.UUID;

/** Called inside the refund's transaction after the order's refund row exists (analytics nets revenue with it). */
public interface OrderRefundedHook {

    Uni<Void> onRefunded(SqlClient tx, Caller caller, UUID orderId, UUID refundId);
}
