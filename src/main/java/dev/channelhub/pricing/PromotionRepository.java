package dev.channelhub.pricing;

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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.channelhub.pricing.PriceListRepository.instant;
import static dev.channelhub.pricing.PriceListRepository.utc;

/**
 * Promotions: written as {@link PromotionEntity} in the service's Hibernate Reactive transaction; reads (and what
 * {@link PricingCache} and the price resolution load) stay SQL on the pool.
 */
@ApplicationScoped
public class PromotionRepository implements PanacheRepositoryBase<PromotionEntity, TenantKey> {

    static final String COLUMNS = """
            id, code, name, kind, value, currency, channel_ids, channel_group_ids, channel_types, customer_groups, skus, categories,
            min_quantity, valid_from, valid_to, version, created_at, updated_at""";

    private static final String FIND = """
            select %s from promotion where tenant_id = $1 and id = $2""".formatted(COLUMNS);

    private static final String LIST = """
            select %s from promotion where tenant_id = $1""".formatted(COLUMNS);

    private static final String ALL = """
            select %s from promotion p where p.tenant_id = $1 order by p.id""".formatted(COLUMNS);

    /** Valid at $3, usable in currency $2 (or any), and touching the SKUs $4 or categories $5 (or every product). */
    private static final String ALL_CANDIDATES = """
            select %s from promotion p where p.tenant_id = $1 and (p.currency is null or p.currency = $2)
            and (p.valid_from is null or p.valid_from <= $3) and (p.valid_to is null or p.valid_to > $3)
            and ((cardinality(p.skus) = 0 and cardinality(p.categories) = 0) or p.skus && $4::text[] or p.categories && $5::text[])"""
            .formatted(COLUMNS);

    @Inject
    Db db;

    public Uni<Optional<PromotionView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND, Tuple.of(tenant, id),
                PromotionRepository::toView);
    }

    public Uni<List<PromotionView>> list(String tenant, String sku, PageRequest page) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder sql = new StringBuilder(LIST);
        if (sku != null) {
            args.add(sku);
            sql.append(" and $").append(args.size()).append("::text = any(skus)");
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), PromotionRepository::toView);
    }

    /** Every promotion of the tenant: what {@link PricingCache} keeps (the resolver picks the applicable ones). */
    public Uni<List<PriceResolver.Promotion>> all(SqlClient client, String tenant) {
        return db.list(client, ALL, Tuple.of(tenant),
                PromotionRepository::toCandidate);
    }

    /** Every promotion valid at {@code at} usable in the currency, whatever its scope, that may touch the SKUs. */
    public Uni<List<PriceResolver.Promotion>> allCandidates(SqlClient client, String tenant, String currency, Instant at,
                                                            Collection<String> skus, Collection<String> categories) {
        return db.list(client, ALL_CANDIDATES, Tuple.of(tenant, currency, utc(at), skus.toArray(new String[0]), categories.toArray(new String[0])),
                PromotionRepository::toCandidate);
    }

    static PriceResolver.Promotion toCandidate(Row r) {
        return new PriceResolver.Promotion(r.getUUID("id"), r.getString("code"), PromotionKind.valueOf(r.getString("kind")),
                r.getBigDecimal("value"), r.getString("currency"), PriceListRepository.scopeOf(r),
                Set.copyOf(Arrays.asList(r.getArrayOfStrings("skus"))), Set.copyOf(Arrays.asList(r.getArrayOfStrings("categories"))),
                r.getInteger("min_quantity"), instant(r, "valid_from"), instant(r, "valid_to"));
    }

    static PromotionView toView(Row r) {
        return new PromotionView(r.getUUID("id").toString(), r.getString("code"), r.getString("name"),
                PromotionKind.valueOf(r.getString("kind")), r.getBigDecimal("value"), r.getString("currency"),
                PriceListRepository.apiScopeOf(r), List.of(r.getArrayOfStrings("skus")), List.of(r.getArrayOfStrings("categories")),
                r.getInteger("min_quantity"), instant(r, "valid_from"), instant(r, "valid_to"), r.getInteger("version"),
                instant(r, "created_at"), instant(r, "updated_at"));
    }
}
