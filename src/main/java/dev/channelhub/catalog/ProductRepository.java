package dev.channelhub.catalog;

import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for products; every statement is scoped by tenant. */
@ApplicationScoped
public class ProductRepository {

    public static final String COLUMNS = "id, sku, name, category, unit, status, floor_price, currency, version, created_at, updated_at";

    @Inject
    Db db;

    public Uni<Void> insert(SqlClient client, String tenant, UUID id, CreateProductRequest r, String unit, ProductStatus status,
                            String currency, Instant now) {
        return db.query(client, "insert into product (tenant_id, id, sku, name, category, unit, status, floor_price, currency, "
                        + "version, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10)",
                Tuple.from(new Object[]{tenant, id, r.sku(), r.name(), r.category(), unit, status.name(), r.floorPrice(), currency,
                        now.atOffset(ZoneOffset.UTC)})).replaceWithVoid();
    }

    public Uni<Optional<ProductView>> findBySku(SqlClient client, String tenant, String sku) {
        return db.one(client, "select " + COLUMNS + " from product where tenant_id = $1 and sku = $2", Tuple.of(tenant, sku),
                ProductRepository::toView);
    }

    public Uni<List<ProductView>> bySkus(SqlClient client, String tenant, Collection<String> skus) {
        return db.list(client, "select " + COLUMNS + " from product where tenant_id = $1 and sku = any($2)",
                Tuple.of(tenant, skus.toArray(new String[0])), ProductRepository::toView);
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
            args.add("%" + f.q().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            sql.append(" and (lower(").append(alias).append("sku) like $").append(args.size())
                    .append(" or lower(").append(alias).append("name) like $").append(args.size()).append(")");
        }
    }

    /** Writes the merged state; 0 rows when {@code expectedVersion} no longer matches. */
    public Uni<Integer> update(SqlClient client, String tenant, UUID id, ProductView v, Integer expectedVersion, Instant now) {
        return db.query(client, "update product set name = $3, category = $4, unit = $5, status = $6, floor_price = $7, currency = $8, "
                                + "version = version + 1, updated_at = $9 where tenant_id = $1 and id = $2 and ($10::int is null or version = $10)",
                        Tuple.from(new Object[]{tenant, id, v.name(), v.category(), v.unit(), v.status().name(), v.floorPrice(), v.currency(),
                                now.atOffset(ZoneOffset.UTC), expectedVersion}))
                .map(rows -> rows.rowCount());
    }

    public static ProductView toView(Row r) {
        String currency = r.getString("currency");
        return new ProductView(r.getUUID("id").toString(), r.getString("sku"), r.getString("name"), r.getString("category"),
                r.getString("unit"), ProductStatus.valueOf(r.getString("status")),
                Money.round(r.getBigDecimal("floor_price"), currency), currency, r.getInteger("version"),
                r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
    }
}
