package dev.channelhub.lead;

import dev.channelhub.customer.CustomerLinked;
import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/** Leads and deals follow customer merges; each row keeps its original customer so an unmerge gives back exactly its own. */
@ApplicationScoped
public class LeadCustomerLinks implements CustomerLinked {

    @Inject
    Db db;

    @Override
    public Uni<Void> merge(SqlClient tx, String tenant, List<UUID> sources, UUID survivor) {
        if (sources.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple args = Tuple.of(tenant, sources.toArray(new UUID[0]), survivor);
        return db.query(tx, "update lead set customer_id = $3, version = version + 1, updated_at = now() "
                        + "where tenant_id = $1 and customer_id = any($2)", args)
                .flatMap(x -> db.query(tx, "update deal set customer_id = $3, version = version + 1, updated_at = now() "
                        + "where tenant_id = $1 and customer_id = any($2)", args))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> unmerge(SqlClient tx, String tenant, UUID source, UUID survivor) {
        Tuple args = Tuple.of(tenant, source, survivor);
        return db.query(tx, "update lead set customer_id = $2, version = version + 1, updated_at = now() "
                        + "where tenant_id = $1 and customer_id = $3 and original_customer_id = $2", args)
                .flatMap(x -> db.query(tx, "update deal set customer_id = $2, version = version + 1, updated_at = now() "
                        + "where tenant_id = $1 and customer_id = $3 and original_customer_id = $2", args))
                .replaceWithVoid();
    }
}
