package dev.channelhub.customer;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for orders/leads in the merge tests: records each call and what its transaction saw (the sources'
 * status), which proves it runs inside the merge's transaction. Only acts for tenants a test registered.
 */
@ApplicationScoped
public class RecordingLinkedFeature implements CustomerLinked {

    static final Set<String> TENANTS = ConcurrentHashMap.newKeySet();
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @Inject
    Db db;

    @Override
    public Uni<Void> merge(SqlClient tx, String tenant, List<UUID> sources, UUID survivor) {
        if (!TENANTS.contains(tenant)) {
            return Uni.createFrom().voidItem();
        }
        return db.one(tx, "select string_agg(status, ',') as s from customer where tenant_id = $1 and id = any($2)",
                        Tuple.of(tenant, sources.toArray(new UUID[0])), r -> r.getString("s"))
                .invoke(s -> CALLS.add(tenant + " merge " + sources.size() + " into " + survivor + " seen " + s.orElse("")))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> unmerge(SqlClient tx, String tenant, UUID source, UUID survivor) {
        if (!TENANTS.contains(tenant)) {
            return Uni.createFrom().voidItem();
        }
        return db.one(tx, "select status from customer where tenant_id = $1 and id = $2", Tuple.of(tenant, source), r -> r.getString("status"))
                .invoke(s -> CALLS.add(tenant + " unmerge " + source + " from " + survivor + " seen " + s.orElse("")))
                .replaceWithVoid();
    }
}
