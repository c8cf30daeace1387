package dev.channelhub.inventory;

import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stock locations. Writes are {@link LocationEntity} in the service's Hibernate Reactive transaction, found by their
 * {@link TenantKey}. Reads stay SQL on the pool: GraphQL resolves sibling fields in parallel and a Hibernate Reactive
 * session allows one operation at a time (quarkus#32870), and stock changes look locations up by code inside their
 * own pool transactions. Every statement is scoped by tenant.
 */
@ApplicationScoped
public class LocationRepository implements PanacheRepositoryBase<LocationEntity, TenantKey> {

    static final String COLUMNS = "id, code, name, type, region, channel_ids, priority, version, created_at, updated_at";

    private static final String FIND = """
            select %s from stock_location where tenant_id = $1 and id = $2""".formatted(COLUMNS);

    private static final String FIND_BY_CODE = """
            select %s from stock_location where tenant_id = $1 and code = $2""".formatted(COLUMNS);

    // The list is one statement assembled from these fragments: only the filters given are added.
    private static final String LIST = """
            select %s from stock_location where tenant_id = $1""".formatted(COLUMNS);
    /** A location serves the channel when it names it or serves every channel (null). */
    private static final String LIST_SERVING = " and (channel_ids is null or $2 = any(channel_ids))";

    @Inject
    Db db;

    // ---- entities, in the caller's Hibernate Reactive transaction

    /** The location row locked for the rest of the transaction ({@code for no key update}); null when absent. */
    public Uni<LocationEntity> lockEntity(String tenant, UUID id) {
        return findById(TenantKey.of(tenant, id), LockModeType.PESSIMISTIC_WRITE);
    }

    // ---- SQL on the pool (reads) or on another feature's transaction

    public Uni<Optional<LocationView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND, Tuple.of(tenant, id), LocationRepository::toView);
    }

    public Uni<Optional<LocationView>> findByCode(SqlClient client, String tenant, String code) {
        return db.one(client, FIND_BY_CODE, Tuple.of(tenant, code), LocationRepository::toView);
    }

    /** Locations in id order; {@code servingChannel} keeps only those that serve it. */
    public Uni<List<LocationView>> list(String tenant, UUID servingChannel, PageRequest page) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder sql = new StringBuilder(LIST);
        if (servingChannel != null) {
            args.add(servingChannel);
            sql.append(LIST_SERVING);
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), LocationRepository::toView);
    }

    static LocationView toView(Row r) {
        UUID[] channels = r.getArrayOfUUIDs("channel_ids");
        return new LocationView(r.getUUID("id").toString(), r.getString("code"), r.getString("name"),
                LocationType.valueOf(r.getString("type")), r.getString("region"),
                channels == null ? null : Arrays.stream(channels).map(UUID::toString).toList(),
                r.getInteger("priority"), r.getInteger("version"),
                r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
    }
}
