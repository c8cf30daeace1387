package dev.channelhub.aftersales;

import dev.channelhub.order.OrderReturnRef;
import dev.channelhub.order.OrderReturnsLookup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The order views' {@code returns}: id, number and status of each order's returns, one statement per batch. */
@ApplicationScoped
public class ReturnsOfOrders implements OrderReturnsLookup {

    private final ReturnRepository returns;

    public ReturnsOfOrders(ReturnRepository returns) {
        this.returns = returns;
    }

    @Override
    public Uni<Map<UUID, List<OrderReturnRef>>> returnsOf(SqlClient client, String tenant, List<UUID> orderIds) {
        return returns.refsOfOrders(client, tenant, orderIds).map(m -> m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(r -> new OrderReturnRef(r.getUUID("id").toString(), r.getString("number"),
                        r.getString("status"))).toList())));
    }
}
