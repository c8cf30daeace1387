package dev.channelhub.order;

import dev.channelhub.customer.CustomerLinked;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Orders follow customer merges. {@code origin_customer_id} keeps whom the order was placed for, so an
 * unmerge gives back exactly the source's own orders (not those merged into it from elsewhere).
 */
@ApplicationScoped
public class OrderCustomerLink implements CustomerLinked {

    private final OrderRepository orders;

    public OrderCustomerLink(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public Uni<Void> merge(SqlClient tx, String tenant, List<UUID> sources, UUID survivor) {
        if (sources.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return orders.followMerge(tx, tenant, sources, survivor);
    }

    @Override
    public Uni<Void> unmerge(SqlClient tx, String tenant, UUID source, UUID survivor) {
        return orders.followUnmerge(tx, tenant, source, survivor);
    }
}
