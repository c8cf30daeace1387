package dev.channelhub.pricing;

import dev.channelhub.catalog.FloorConflict;
import dev.channelhub.catalog.ProductFilter;
import dev.channelhub.catalog.ProductStatus;
import dev.channelhub.catalog.ProductView;
import dev.channelhub.channel.ChannelType;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Like;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Price lists and their entries. The header is {@link PriceListEntity}, written in the service's Hibernate Reactive
 * transaction; entries are rows written set-based (one statement per call, whatever the row count): by native
 * statements on the same session when a header write carries them, on the pool by {@code PUT .../entries}. Reads,
 * the quote statement and the catalogue page stay SQL on the pool (the hot paths; GraphQL resolves them in parallel).
 */
@ApplicationScoped
public class PriceListRepository implements PanacheRepositoryBase<PriceListEntity, TenantKey> {

    static final String COLUMNS = """
            l.id, l.code, l.name, l.currency, l.priority, l.channel_ids, l.channel_group_ids, l.channel_types, l.customer_groups,
            l.valid_from, l.valid_to, l.version, l.created_at, l.updated_at,
            (select count(*) from price_list_entry e where e.tenant_id = l.tenant_id and e.price_list_id = l.id) as entry_count""";

    private static final String FIND = """
            select %s from price_list l where l.tenant_id = $1 and l.id = $2""".formatted(COLUMNS);

    private static final String FIND_BY_CODE = """
            select %s from price_list l where l.tenant_id = $1 and l.code = $2""".formatted(COLUMNS);

    private static final String LIST = """
            select %s from price_list l where l.tenant_id = $1""".formatted(COLUMNS);

    /** An entry change bumps the header's version; with $4 set, only from that version (If-Match). */
    private static final String TOUCH = """
            update price_list set version = version + 1, updated_at = $3 where tenant_id = $1 and id = $2
            and ($4::int is null or version = $4)""";

    /** Any number of entries in one statement: $3 SKUs, $4 tiers, $5 prices unnested on the server. */
    private static final String UPSERT_ENTRIES = """
            insert into price_list_entry (tenant_id, price_list_id, sku, min_quantity, price)
            select $1, $2, u.sku, u.tier, u.price::numeric from unnest($3::varchar[], $4::int[], $5::text[]) as u(sku, tier, price)
            on conflict (tenant_id, price_list_id, sku, min_quantity) do update set price = excluded.price""";

    /** The list's entries not among the ($3 SKU, $4 tier) pairs to keep. */
    private static final String DELETE_ENTRIES_NOT_IN = """
            delete from price_list_entry e where e.tenant_id = $1 and e.price_list_id = $2 and not exists (
            select 1 from unnest($3::varchar[], $4::int[]) as k(sku, tier) where k.sku = e.sku and k.tier = e.min_quantity)""";

    private static final String ENTRIES = """
            select sku, min_quantity, price from price_list_entry where tenant_id = $1 and price_list_id = $2""";

    private static final String EPOCH = """
            select epoch from pricing_epoch where tenant_id = $1""";

    private static final String HEADERS = """
            select id, code, currency, priority, channel_ids, channel_group_ids, channel_types, customer_groups, valid_from, valid_to
            from price_list where tenant_id = $1 order by id""";

    @Inject
    Db db;

    // ---- in the service's Hibernate Reactive transaction: the header is an entity, the entries rows

    /**
     * Inserts or updates the entries with one statement, whatever their number: ?3 SKUs, ?4 tiers and ?5 prices travel
     * as array literals ({"a","b"}) cast on the server, like the pool's form ({@link #upsertEntries(SqlClient, String,
     * UUID, List)}) unnests bound arrays.
     */
    private static final String UPSERT_ENTRIES_ON_SESSION = """
            insert into price_list_entry (tenant_id, price_list_id, sku, min_quantity, price)
            select ?1, ?2, u.sku, u.tier, u.price from unnest(cast(cast(?3 as text) as varchar[]), cast(cast(?4 as text) as int[]),
            cast(cast(?5 as text) as numeric[])) as u(sku, tier, price)
            on conflict (tenant_id, price_list_id, sku, min_quantity) do update set price = excluded.price""";

    private static final String ENTRY_COUNT = """
            select count(*) from price_list_entry where tenant_id = ?1 and price_list_id = ?2""";

    /** The header, row-locked ({@code for no key update}) until the transaction ends; null when there is none. */
    public Uni<PriceListEntity> lockEntity(String tenant, UUID id) {
        return findById(TenantKey.of(tenant, id), LockModeType.PESSIMISTIC_WRITE);
    }

    /** The header with this code, row-locked; null when there is none. */
    public Uni<PriceListEntity> lockByCode(String tenant, String code) {
        return find("tenantId = ?1 and code = ?2", tenant, code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** {@link #upsertEntries(SqlClient, String, UUID, List)} on the session: one statement, none for no entries. */
    public Uni<Void> upsertEntries(Mutiny.Session session, String tenant, UUID listId, List<PriceEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery(UPSERT_ENTRIES_ON_SESSION).setParameter(1, tenant).setParameter(2, listId)
                .setParameter(3, arrayLiteral(entries.stream().map(PriceEntry::sku).toList(), true))
                .setParameter(4, arrayLiteral(entries.stream().map(e -> String.valueOf(e.tier())).toList(), false))
                .setParameter(5, arrayLiteral(entries.stream().map(e -> e.price().toPlainString()).toList(), false))
                .executeUpdate().replaceWithVoid();
    }

    public Uni<Long> entryCount(Mutiny.Session session, String tenant, UUID listId) {
        return session.createNativeQuery(ENTRY_COUNT, Long.class).setParameter(1, tenant).setParameter(2, listId).getSingleResult();
    }

    /** A PostgreSQL array literal; {@code quoted} elements are double-quoted (so a SKU named NULL stays a string). */
    private static String arrayLiteral(List<String> values, boolean quoted) {
        StringBuilder sb = new StringBuilder("{");
        for (String v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            if (quoted) {
                sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }

    // ---- SQL on the pool: reads, entry replacement, the quote statement and the catalogue page

    public Uni<Optional<PriceListView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND, Tuple.of(tenant, id),
                PriceListRepository::toView);
    }

    public Uni<Optional<PriceListView>> findByCode(SqlClient client, String tenant, String code) {
        return db.one(client, FIND_BY_CODE, Tuple.of(tenant, code),
                PriceListRepository::toView);
    }

    public Uni<List<PriceListView>> list(String tenant, String currency, String sku, PageRequest page) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder sql = new StringBuilder(LIST);
        if (currency != null) {
            args.add(currency);
            sql.append(" and l.currency = $").append(args.size());
        }
        if (sku != null) {
            args.add(sku);
            sql.append(" and exists (select 1 from price_list_entry e where e.tenant_id = l.tenant_id and e.price_list_id = l.id and e.sku = $")
                    .append(args.size()).append(")");
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and l.id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by l.id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), PriceListRepository::toView);
    }

    /** Bumps the version after an entry change; 0 rows when {@code expectedVersion} no longer matches. */
    public Uni<Integer> touch(SqlClient client, String tenant, UUID id, Integer expectedVersion, Instant now) {
        return db.query(client, TOUCH, Tuple.of(tenant, id, utc(now), expectedVersion))
                .map(rows -> rows.rowCount());
    }

    /** Inserts or updates any number of entries with one statement (arrays unnested on the server). */
    public Uni<Integer> upsertEntries(SqlClient client, String tenant, UUID listId, List<PriceEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String[] skus = new String[entries.size()];
        Integer[] tiers = new Integer[entries.size()];
        String[] prices = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            PriceEntry e = entries.get(i);
            skus[i] = e.sku();
            tiers[i] = e.tier();
            prices[i] = e.price().toPlainString();
        }
        return db.query(client, UPSERT_ENTRIES, Tuple.of(tenant, listId, skus, tiers, prices))
                .map(rows -> rows.rowCount());
    }

    /** Deletes the list's entries that are not among {@code keep}; one statement. */
    public Uni<Integer> deleteEntriesNotIn(SqlClient client, String tenant, UUID listId, List<PriceEntry> keep) {
        String[] skus = keep.stream().map(PriceEntry::sku).toArray(String[]::new);
        Integer[] tiers = keep.stream().map(PriceEntry::tier).toArray(Integer[]::new);
        return db.query(client, DELETE_ENTRIES_NOT_IN, Tuple.of(tenant, listId, skus, tiers))
                .map(rows -> rows.rowCount());
    }

    public Uni<List<PriceEntry>> entries(String tenant, UUID listId, String sku, String afterSku, Integer afterTier, int fetch) {
        List<Object> args = new ArrayList<>(List.of(tenant, listId));
        StringBuilder sql = new StringBuilder(ENTRIES);
        if (sku != null) {
            args.add(sku);
            sql.append(" and sku = $").append(args.size());
        }
        if (afterSku != null) {
            args.add(afterSku);
            args.add(afterTier);
            sql.append(" and (sku, min_quantity) > ($").append(args.size() - 1).append(", $").append(args.size()).append(")");
        }
        args.add(fetch);
        sql.append(" order by sku, min_quantity limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), r -> new PriceEntry(r.getString("sku"),
                r.getBigDecimal("price"), r.getInteger("min_quantity")));
    }

    /** Entries of lists in {@code currency} that price {@code sku} below {@code floor}; native form for a product update's session. */
    private static final String ENTRIES_BELOW = """
            select cast(l.id as text), l.code, l.currency, e.sku, e.min_quantity, e.price from price_list_entry e
            join price_list l on l.tenant_id = e.tenant_id and l.id = e.price_list_id
            where e.tenant_id = ?1 and e.sku = ?2 and l.currency = ?3 and e.price < ?4 order by l.code, e.min_quantity""";

    /** Entries of lists in {@code currency} that price {@code sku} below {@code floor}, in the session's transaction. */
    public Uni<List<FloorConflict>> entriesBelow(org.hibernate.reactive.mutiny.Mutiny.Session session, String tenant, String sku,
                                                 String currency, BigDecimal floor) {
        return session.createNativeQuery(ENTRIES_BELOW, Object[].class)
                .setParameter(1, tenant).setParameter(2, sku).setParameter(3, currency).setParameter(4, floor)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new FloorConflict((String) r[0], (String) r[1], (String) r[3],
                        ((Number) r[4]).intValue(), (BigDecimal) r[5], (String) r[2])).toList());
    }

    /** The tenant's pricing epoch (0 before its first pricing change); see {@code V8_0__pricing_epoch.sql}. */
    public Uni<Long> epoch(SqlClient client, String tenant) {
        return db.one(client, EPOCH, Tuple.of(tenant), r -> r.getLong("epoch"))
                .map(found -> found.orElse(0L));
    }

    /** Every list of the tenant, without entries: what {@link PricingCache} keeps. */
    public Uni<List<PriceResolver.PriceList>> headers(SqlClient client, String tenant) {
        return db.list(client, HEADERS, Tuple.of(tenant),
                r -> new PriceResolver.PriceList(r.getUUID("id"), r.getString("code"), r.getString("currency"), r.getInteger("priority"),
                        scopeOf(r), instant(r, "valid_from"), instant(r, "valid_to"), List.of()));
    }

    /** What one quote reads: the epoch its cached headers must match, the customer's group, products and their entries. */
    public record SkuData(long epoch, boolean customerFound, String customerGroup, Map<String, PriceResolver.Product> products,
                          Map<UUID, List<PriceResolver.Entry>> entriesByList, Map<String, String> requiredCourses) {
    }

    /** The quote statement: one round trip per quote; the epoch read with the entries keeps the cache honest (see PricingCache). */
    private static final String SKU_DATA = """
            select m.epoch, m.customer_found, m.customer_group, p.sku, p.category, p.status, p.floor_price,
            p.currency, p.requires_certification, e.price_list_id, e.min_quantity, e.price from (select coalesce((select epoch from pricing_epoch
            where tenant_id = $1), 0) as epoch, cu.id is not null as customer_found, cu.customer_group from (select 1) one
            left join customer cu on cu.tenant_id = $1 and cu.id = $4) m
            left join product p on p.tenant_id = $1 and p.sku = any($2)
            left join price_list_entry e on e.tenant_id = $1 and e.sku = p.sku and e.price_list_id = any($3)""";

    /**
     * The one statement of a quote: the pricing epoch, the customer (when {@code customerId} is given), and for each
     * SKU its product and its entries in {@code listIds}. It always returns a row (the epoch), whatever the SKUs.
     * Reads the catalogue's and customers' tables directly: this is the hot path of every quote and order.
     */
    public Uni<SkuData> skuData(SqlClient client, String tenant, Collection<String> skus, Collection<UUID> listIds, UUID customerId) {
        return db.query(client, SKU_DATA,
                        Tuple.of(tenant, skus.toArray(new String[0]), listIds.toArray(new UUID[0]), customerId))
                .map(rows -> {
                    long epoch = 0;
                    boolean customerFound = false;
                    String customerGroup = null;
                    Map<String, PriceResolver.Product> products = new java.util.HashMap<>();
                    Map<UUID, List<PriceResolver.Entry>> entries = new java.util.HashMap<>();
                    Map<String, String> courses = new java.util.HashMap<>();
                    for (Row r : rows) {
                        epoch = r.getLong("epoch");
                        customerFound = r.getBoolean("customer_found");
                        customerGroup = r.getString("customer_group");
                        String sku = r.getString("sku");
                        if (sku == null) {
                            continue;
                        }
                        products.computeIfAbsent(sku, k -> new PriceResolver.Product(k, r.getString("category"),
                                "ACTIVE".equals(r.getString("status")), r.getBigDecimal("floor_price"), r.getString("currency")));
                        String course = r.getString("requires_certification");
                        if (course != null) {
                            courses.put(sku, course);
                        }
                        UUID list = r.getUUID("price_list_id");
                        if (list != null) {
                            entries.computeIfAbsent(list, k -> new ArrayList<>())
                                    .add(new PriceResolver.Entry(sku, r.getInteger("min_quantity"), r.getBigDecimal("price")));
                        }
                    }
                    return new SkuData(epoch, customerFound, customerGroup, products, entries, courses);
                });
    }

    /** The product columns the catalogue page reads; pricing's own SQL, so it needs nothing of catalog's repository. */
    private static final String CATALOG_PRODUCT_COLUMNS = """
            id, sku, name, category, unit, status, floor_price, currency, version, created_at, updated_at, requires_certification""";

    /** A catalogue page and the pricing epoch it was read at. */
    public record CatalogRows(long epoch, List<ProductView> rows) {
    }

    /**
     * One page of the products a channel can buy: active, with at least one entry in {@code listIds} (the lists
     * that apply to it). One statement, which also reads the pricing epoch (always one row, even for no products).
     */
    public Uni<CatalogRows> catalogPage(SqlClient client, String tenant, Collection<UUID> listIds, ProductFilter filter,
                                        PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(tenant, listIds.toArray(new UUID[0])));
        StringBuilder sql = new StringBuilder("select m.epoch, p.* from (select coalesce((select epoch from pricing_epoch")
                .append(" where tenant_id = $1), 0) as epoch) m left join lateral (select ").append(CATALOG_PRODUCT_COLUMNS)
                .append(" from product p where p.tenant_id = $1 and p.status = 'ACTIVE'");
        appendCatalogFilter(sql, args, filter);
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and p.id > $").append(args.size());
        }
        sql.append(" and exists (select 1 from price_list_entry e where e.tenant_id = $1 and e.sku = p.sku and e.price_list_id = any($2))");
        args.add(page.fetchSize());
        sql.append(" order by p.id limit $").append(args.size()).append(") p on true");
        return db.query(client, sql.toString(), Tuple.from(args)).map(rows -> {
            long epoch = 0;
            List<ProductView> products = new ArrayList<>();
            for (Row r : rows) {
                epoch = r.getLong("epoch");
                if (r.getUUID("id") != null) {
                    products.add(catalogProduct(r));
                }
            }
            return new CatalogRows(epoch, products);
        });
    }

    /** Category and text search on the product table aliased {@code p} (the catalogue shows ACTIVE products only). */
    private static void appendCatalogFilter(StringBuilder sql, List<Object> args, ProductFilter f) {
        if (f.category() != null) {
            args.add(f.category());
            sql.append(" and p.category = $").append(args.size());
        }
        if (f.q() != null && !f.q().isBlank()) {
            args.add(Like.containing(f.q().trim().toLowerCase()));
            sql.append(" and (lower(p.sku) like $").append(args.size()).append(" or lower(p.name) like $").append(args.size()).append(")");
        }
    }

    private static ProductView catalogProduct(Row r) {
        String currency = r.getString("currency");
        return new ProductView(r.getUUID("id").toString(), r.getString("sku"), r.getString("name"), r.getString("category"),
                r.getString("unit"), ProductStatus.valueOf(r.getString("status")),
                Money.round(r.getBigDecimal("floor_price"), currency), currency, r.getInteger("version"),
                r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant(), null,
                r.getString("requires_certification"));
    }

    private static final String ALL_CANDIDATES = """
            select l.id, l.code, l.currency, l.priority, l.channel_ids, l.channel_group_ids, l.channel_types,
            l.customer_groups, l.valid_from, l.valid_to, e.sku, e.min_quantity, e.price from price_list l
            left join price_list_entry e on e.tenant_id = l.tenant_id and e.price_list_id = l.id and e.sku = any($4)
            where l.tenant_id = $1 and l.currency = $2 and (l.valid_from is null or l.valid_from <= $3)
            and (l.valid_to is null or l.valid_to > $3)""";

    /** Every list in the currency valid at {@code at}, whatever its scope, with its entries for {@code skus}. */
    public Uni<List<PriceResolver.PriceList>> allCandidates(SqlClient client, String tenant, String currency, Instant at,
                                                             Collection<String> skus) {
        return db.query(client, ALL_CANDIDATES,
                        Tuple.of(tenant, currency, utc(at), skus.toArray(new String[0])))
                .map(PriceListRepository::toCandidates);
    }

    static List<PriceResolver.PriceList> toCandidates(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        Map<UUID, PriceResolver.PriceList> lists = new LinkedHashMap<>();
        Map<UUID, List<PriceResolver.Entry>> entries = new LinkedHashMap<>();
        for (Row r : rows) {
            UUID id = r.getUUID("id");
            List<PriceResolver.Entry> own = entries.computeIfAbsent(id, k -> new ArrayList<>());
            lists.computeIfAbsent(id, k -> new PriceResolver.PriceList(id, r.getString("code"), r.getString("currency"),
                    r.getInteger("priority"), scopeOf(r), instant(r, "valid_from"), instant(r, "valid_to"), own));
            String sku = r.getString("sku");
            if (sku != null) {
                own.add(new PriceResolver.Entry(sku, r.getInteger("min_quantity"), r.getBigDecimal("price")));
            }
        }
        return List.copyOf(lists.values());
    }

    static PriceResolver.Scope scopeOf(Row r) {
        return new PriceResolver.Scope(java.util.Set.copyOf(Arrays.asList(nz(r.getArrayOfUUIDs("channel_ids"), new UUID[0]))),
                java.util.Set.copyOf(Arrays.asList(nz(r.getArrayOfUUIDs("channel_group_ids"), new UUID[0]))),
                java.util.Set.copyOf(Arrays.asList(nz(r.getArrayOfStrings("channel_types"), new String[0]))),
                java.util.Set.copyOf(Arrays.asList(nz(r.getArrayOfStrings("customer_groups"), new String[0]))));
    }

    static PriceScope apiScopeOf(Row r) {
        return new PriceScope(Arrays.stream(nz(r.getArrayOfUUIDs("channel_ids"), new UUID[0])).map(UUID::toString).toList(),
                Arrays.stream(nz(r.getArrayOfUUIDs("channel_group_ids"), new UUID[0])).map(UUID::toString).toList(),
                Arrays.stream(nz(r.getArrayOfStrings("channel_types"), new String[0])).map(ChannelType::valueOf).toList(),
                List.of(nz(r.getArrayOfStrings("customer_groups"), new String[0])));
    }

    static PriceListView toView(Row r) {
        PriceScope scope = apiScopeOf(r);
        Integer priority = r.getInteger("priority");
        return new PriceListView(r.getUUID("id").toString(), r.getString("code"), r.getString("name"), r.getString("currency"),
                priority, priority != null ? priority : scope.toResolverScope().defaultPriority(), scope,
                instant(r, "valid_from"), instant(r, "valid_to"), r.getLong("entry_count"), r.getInteger("version"),
                instant(r, "created_at"), instant(r, "updated_at"));
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static <T> T[] nz(T[] a, T[] empty) {
        return a == null ? empty : a;
    }
}
