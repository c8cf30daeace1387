package dev.channelhub.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The returns of orders, for the order views (after-sales implements it, so order depends on nothing above it).
 * One statement for all orders; orders without returns are absent from the map.
 */
public interface OrderReturnsLookup {

    Uni<Map<UUID, List<OrderReturnRef>>> returnsOf(SqlClient client, String tenant, List<UUID> orderIds);
}
