package dev.channelhub.order;

import dev.channelhub.customer.CustomerOrderFigures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The order side of the customer 360° view: one statement per method for any number of customers. */
@ApplicationScoped
public class OrderCustomerFigures implements CustomerOrderFigures {

    private final OrderRepository orders;

    public OrderCustomerFigures(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public Uni<Map<UUID, OrderStats>> stats(SqlClient client, String tenant, List<UUID> customerIds) {
        return orders.customerStats(client, tenant, customerIds);
    }

    @Override
    public Uni<Map<UUID, List<ChannelFigures>>> byChannel(SqlClient client, String tenant, List<UUID> customerIds) {
        return orders.customerChannels(client, tenant, customerIds);
    }

    @Override
    public Uni<Map<UUID, List<RecentOrder>>> recent(SqlClient client, String tenant, List<UUID> customerIds, int limit) {
        return orders.customerRecentOrders(client, tenant, customerIds, limit);
    }
}
