package dev.channelhub.catalog;

import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Like;
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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Products. Writes (create, update) are {@link ProductEntity} entities in the service's Hibernate Reactive transaction;
 * reads stay SQL on the pool: the catalogue page and GraphQL batched fields resolve in parallel (a Hibernate Reactive
 * session allows one operation at a time, quarkus#32870) and orders read products inside their own pool transactions.
 * Every statement is scoped by tenant.
 */
@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<ProductEntity, TenantKey> {

    public static final String COLUMNS = """
            id, sku, name, category, unit, status, floor_price, currency, version, created_at, updated_at, cost_price, \
            requires_certification""";

    private static final String FIND_BY_SKU = """
            select %s from product where tenant_id = $1 and sku = $2""".formatted(COLUMNS);

    private static final String BY_SKUS = """
            select %s from product where tenant_id = $1 and sku = any($2)""".formatted(COLUMNS);

    /** Products by id, for Query.node/nodes: one statement however many ids. */
    private static final String BY_IDS = """
            select %s from product where tenant_id = $1 and id = any($2)""".formatted(COLUMNS);

    @Inject
    Db db;

    // ---- entities, in the service's Hibernate Reactive transaction

    /** The product row with this SKU, locked for the rest of the transaction ({@code for no key update}); null when absent. */
    public Uni<ProductEntity> lockBySku(String tenant, String sku) {
        return find("tenantId = ?1 and sku = ?2", tenant, sku).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    // ---- SQL on the pool (reads) or on another feature's transaction

    public Uni<Optional<ProductView>> findBySku(SqlClient client, String tenant, String sku) {
        return db.one(client, FIND_BY_SKU, Tuple.of(tenant, sku),
                ProductRepository::toView);
    }

    public Uni<List<ProductView>> bySkus(SqlClient client, String tenant, Collection<String> skus) {
        return db.list(client, BY_SKUS,
                Tuple.of(tenant, skus.toArray(new String[0])), ProductRepository::toView);
    }

    /** The products with these ids (absent ones are missing), in no particular order; one statement on the pool. */
    public Uni<List<ProductView>> byIds(String tenant, Collection<UUID> ids) {
        return db.list(BY_IDS, Tuple.of(tenant, ids.toArray(new UUID[0])), ProductRepository::toView);
    }

    public Uni<List<ProductView>> list(String tenant, ProductFilter f, PageRequest page) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from product where tenant_id = $1");
        appendFilter(sql, args, f, "");
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), ProductRepository::toView);
    }

    /** Adds the filter's conditions on a product table aliased {@code alias} (with its dot, or empty). */
    public static void appendFilter(StringBuilder sql, List<Object> args, ProductFilter f, String alias) {
        if (f.category() != null) {
            args.add(f.category());
            sql.append(" and ").append(alias).append("category = $").append(args.size());
        }
        if (f.status() != null) {
            args.add(f.status().name());
            sql.append(" and ").append(alias).append("status = $").append(args.size());
        }
        if (f.q() != null && !f.q().isBlank()) {
            args.add(Like.containing(f.q().trim().toLowerCase()));
            sql.append(" and (lower(").append(alias).append("sku) like $").append(args.size())
                    .append(" or lower(").append(alias).append("name) like $").append(args.size()).append(")");
        }
    }

    public static ProductView toView(Row r) {
        String currency = r.getString("currency");
        return new ProductView(r.getUUID("id").toString(), r.getString("sku"), r.getString("name"), r.getString("category"),
                r.getString("unit"), ProductStatus.valueOf(r.getString("status")),
                Money.round(r.getBigDecimal("floor_price"), currency), currency, r.getInteger("version"),
                r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant(),
                Money.round(r.getBigDecimal("cost_price"), currency), r.getString("requires_certification"));
    }
}
