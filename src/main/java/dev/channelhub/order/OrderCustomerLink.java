package dev.channelhub.order;

import dev.channelhub.customer.CustomerLinked;
import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Orders follow customer merges. {@code origin_customer_id} keeps whom the order was placed for, so an
 * unmerge gives back exactly the source's own orders (not those merged into it from elsewhere).
 */
@ApplicationScoped
public class OrderCustomerLink implements CustomerLinked {

    @Inject
    Db db;

    @Override
    public Uni<Void> merge(SqlClient tx, String tenant, List<UUID> sources, UUID survivor) {
        if (sources.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.query(tx, "update sales_order set customer_id = $3, version = version + 1, updated_at = now()"
                        + " where tenant_id = $1 and customer_id = any($2)",
                Tuple.of(tenant, sources.toArray(new UUID[0]), survivor)).replaceWithVoid();
    }

    @Override
    public Uni<Void> unmerge(SqlClient tx, String tenant, UUID source, UUID survivor) {
        return db.query(tx, "update sales_order set customer_id = $2, version = version + 1, updated_at = now()"
                        + " where tenant_id = $1 and customer_id = $3 and origin_customer_id = $2",
                Tuple.of(tenant, source, survivor)).replaceWithVoid();
    }
}
