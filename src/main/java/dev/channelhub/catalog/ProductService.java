package dev.channelhub.catalog;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiErrors;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Product use cases; REST and GraphQL both call these. */
@ApplicationScoped
public class ProductService {

    static final Role[] READERS = {Role.MANAGER, Role.SALES, Role.PARTNER, Role.INTEGRATION};
    static final Role[] WRITERS = {Role.MANAGER, Role.INTEGRATION};
    /** Who sets (and sees) the cost price: managers (and admins). */
    static final Role[] COST_WRITERS = {Role.MANAGER};

    @Inject
    ProductRepository products;

    @Inject
    PriceFloorCheck priceLists;

    @Inject
    Db db;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    @Inject
    EventOutbox outbox;

    public Uni<Outcome<ProductView>> create(Caller caller, CreateProductRequest request, String idempotencyKey) {
        caller.require(WRITERS);
        validator.check(request);
        if (request.costPrice() != null) {
            caller.require(COST_WRITERS);
        }
        String currency = Money.currency(request.currency(), "currency");
        String unit = request.unit() == null ? "EA" : request.unit();
        ProductStatus status = request.status() == null ? ProductStatus.ACTIVE : request.status();
        // One Hibernate Reactive transaction: the product, product.created and the idempotency answer commit together
        // (docs/DEVELOPING.md "Persistence").
        return idempotency.runRecording(caller, idempotencyKey, "POST /products", request, ProductView.class,
                completion -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                    UUID id = Ids.newId();
                    Instant now = now();
                    ProductEntity product = new ProductEntity();
                    product.tenantId = caller.tenant();
                    product.id = id;
                    product.sku = request.sku();
                    product.name = request.name();
                    product.category = request.category();
                    product.unit = unit;
                    product.status = status;
                    product.floorPrice = request.floorPrice();
                    product.currency = currency;
                    product.costPrice = request.costPrice();
                    product.requiresCertification = blankToNull(request.requiresCertification());
                    product.version = 1;
                    product.createdAt = now;
                    product.updatedAt = now;
                    return session.persist(product).call(session::flush)
                            .onFailure(ApiErrors::isUniqueViolation).transform(e ->
                                    new ApiException(ErrorCode.DUPLICATE, "sku " + request.sku() + " already exists"))
                            .map(x -> shown(caller, product.toView()))
                            .call(view -> outbox.append(session, caller, "product.created", "product", id, null, view.withoutCost()))
                            .flatMap(view -> completion.record(session, Outcome.created(view)));
                }))).call(x -> db.fence(caller.tenant()));
    }

    /** Query.node(id) for a product: the same answer as {@link #get} (partners without the floor); unknown ids are NOT_FOUND. */
    public Uni<ProductView> get(Caller caller, UUID id) {
        caller.require(READERS);
        return products.byIds(caller.tenant(), List.of(id)).map(found -> {
            if (found.isEmpty()) {
                throw ApiException.notFound("product", id);
            }
            return shown(caller, found.get(0));
        });
    }

    /** Query.nodes(ids) for products: {@link #get(Caller, UUID)} for many ids in one statement; unknown ids are absent. */
    public Uni<List<ProductView>> getAll(Caller caller, Collection<UUID> ids) {
        caller.require(READERS);
        return products.byIds(caller.tenant(), ids).map(found -> found.stream().map(v -> shown(caller, v)).toList());
    }

    public Uni<ProductView> get(Caller caller, String sku) {
        caller.require(READERS);
        return products.findBySku(db.pool(), caller.tenant(), sku)
                .map(found -> shown(caller, found.orElseThrow(() -> ApiException.notFound("product", sku))));
    }

    public Uni<Page<ProductView>> list(Caller caller, ProductFilter filter, PageRequest page) {
        caller.require(READERS);
        return products.list(caller.tenant(), filter, page)
                .map(rows -> Page.of(rows, page, ProductView::id).map(v -> shown(caller, v)));
    }

    /**
     * The products with these SKUs, in no particular order; unknown SKUs are simply absent. One statement, on the
     * caller's client (orders call it inside their transaction). No authorisation: callers are other services.
     */
    public Uni<List<ProductView>> bySkus(SqlClient client, String tenant, List<String> skus) {
        List<String> distinct = skus.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return products.bySkus(client, tenant, distinct);
    }

    /** {@link #bySkus} keyed by SKU. */
    public Uni<Map<String, ProductView>> mapBySku(SqlClient client, String tenant, Collection<String> skus) {
        return bySkus(client, tenant, List.copyOf(skus)).map(list -> {
            Map<String, ProductView> out = new java.util.HashMap<>();
            list.forEach(p -> out.put(p.sku(), p));
            return out;
        });
    }

    /**
     * {@code PATCH /products/{sku}}: fields given are set. {@code expectedVersion} (If-Match / GraphQL {@code version}) must
     * match or nothing changes (VERSION_CONFLICT). A floor that rises (or a new currency) above price-list entries is
     * refused with PRICE_BELOW_FLOOR unless {@code force}; the check runs in the update's transaction, under the row lock.
     */
    public Uni<ProductView> update(Caller caller, String sku, ProductPatch patch, Integer expectedVersion) {
        caller.require(WRITERS);
        validator.check(patch);
        if (patch.costPrice() != null) {
            caller.require(COST_WRITERS);
        }
        String newCurrency = patch.currency() == null ? null : Money.currency(patch.currency(), "currency");
        boolean force = Boolean.TRUE.equals(patch.force());
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> products.lockBySku(caller.tenant(), sku)
                .flatMap(current -> {
                    if (current == null) {
                        throw ApiException.notFound("product", sku);
                    }
                    if (expectedVersion != null && expectedVersion != current.version) {
                        throw ApiException.versionConflict("product " + sku, expectedVersion, current.version);
                    }
                    BigDecimal oldFloor = Money.round(current.floorPrice, current.currency);
                    String currency = newCurrency == null ? current.currency : newCurrency;
                    BigDecimal floor = patch.floorPrice() == null ? oldFloor : Money.round(patch.floorPrice(), currency);
                    boolean floorTightened = floor != null && (oldFloor == null || floor.compareTo(oldFloor) > 0
                            || !currency.equals(current.currency));
                    Uni<List<FloorConflict>> conflicts = floorTightened
                            ? priceLists.entriesBelow(session, caller.tenant(), sku, currency, floor)
                            : Uni.createFrom().item(List.of());
                    UUID id = current.id;
                    return conflicts.flatMap(below -> {
                        if (!below.isEmpty() && !force) {
                            throw new ApiException(ErrorCode.PRICE_BELOW_FLOOR, below.size() + " price-list entries for " + sku
                                    + " are below the new floor " + floor.toPlainString() + " " + currency
                                    + "; fix them first or send force: true",
                                    below.stream().map(c -> new FieldError("floorPrice", c.describe())).toList());
                        }
                        if (patch.name() != null) {
                            current.name = patch.name();
                        }
                        if (patch.category() != null) {
                            current.category = blankToNull(patch.category());
                        }
                        if (patch.unit() != null) {
                            current.unit = patch.unit();
                        }
                        if (patch.status() != null) {
                            current.status = patch.status();
                        }
                        if (patch.costPrice() != null) {
                            current.costPrice = patch.costPrice();
                        }
                        if (patch.requiresCertification() != null) {
                            current.requiresCertification = blankToNull(patch.requiresCertification());
                        }
                        current.floorPrice = floor;
                        current.currency = currency;
                        // Every accepted update moves the version and updated_at, as before (an empty patch too).
                        current.updatedAt = now();
                        return session.flush()
                                .map(x -> shown(caller, current.toView()))
                                .call(view -> outbox.append(session, caller, "product.updated", "product", id, null,
                                        below.isEmpty() ? view.withoutCost() : Map.of("product", view.withoutCost(), "forcedOverEntries", below)));
                    });
                }))).call(x -> db.fence(caller.tenant())); // quotes on a replica wait for it (Db.withFreshReads)
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Partners see no floor; only managers and admins see the cost price (docs/API.md "Products"). */
    private static ProductView shown(Caller caller, ProductView v) {
        if (caller.isPartnerOnly()) {
            return v.withoutFloor();
        }
        return caller.hasAny(Role.MANAGER, Role.ADMIN) ? v : v.withoutCost();
    }
}
