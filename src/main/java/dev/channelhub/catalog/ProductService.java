package dev.channelhub.catalog;

import dev.channelhub.events.EventOutbox;
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
        String currency = Money.currency(request.currency(), "currency");
        String unit = request.unit() == null ? "EA" : request.unit();
        ProductStatus status = request.status() == null ? ProductStatus.ACTIVE : request.status();
        return idempotency.run(caller, idempotencyKey, "POST /products", request, ProductView.class,
                () -> db.inTransaction(tx -> {
                    UUID id = Ids.newId();
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return products.insert(tx, caller.tenant(), id, request, unit, status, currency, now)
                            .onFailure(ProductService::isUniqueViolation).transform(e ->
                                    new ApiException(ErrorCode.DUPLICATE, "sku " + request.sku() + " already exists"))
                            .flatMap(x -> products.findBySku(tx, caller.tenant(), request.sku()))
                            .map(java.util.Optional::orElseThrow)
                            .call(view -> outbox.append(tx, caller, "product.created", "product", id, null, view))
                            .map(Outcome::created);
                }));
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

    public Uni<ProductView> update(Caller caller, String sku, ProductPatch patch, Integer expectedVersion) {
        caller.require(WRITERS);
        validator.check(patch);
        String newCurrency = patch.currency() == null ? null : Money.currency(patch.currency(), "currency");
        boolean force = Boolean.TRUE.equals(patch.force());
        return db.inTransaction(tx -> products.findBySku(tx, caller.tenant(), sku).flatMap(found -> {
            ProductView old = found.orElseThrow(() -> ApiException.notFound("product", sku));
            if (expectedVersion != null && expectedVersion != old.version()) {
                throw ApiException.versionConflict("product " + sku, expectedVersion, old.version());
            }
            String currency = newCurrency == null ? old.currency() : newCurrency;
            BigDecimal floor = patch.floorPrice() == null ? old.floorPrice() : Money.round(patch.floorPrice(), currency);
            ProductView merged = new ProductView(old.id(), old.sku(),
                    patch.name() == null ? old.name() : patch.name(),
                    patch.category() == null ? old.category() : blankToNull(patch.category()),
                    patch.unit() == null ? old.unit() : patch.unit(),
                    patch.status() == null ? old.status() : patch.status(),
                    floor, currency, old.version(), old.createdAt(), old.updatedAt());
            boolean floorTightened = floor != null && (old.floorPrice() == null || floor.compareTo(old.floorPrice()) > 0
                    || !currency.equals(old.currency()));
            Uni<List<FloorConflict>> conflicts = floorTightened
                    ? priceLists.entriesBelow(tx, caller.tenant(), sku, currency, floor)
                    : Uni.createFrom().item(List.of());
            UUID id = UUID.fromString(old.id());
            return conflicts.flatMap(below -> {
                if (!below.isEmpty() && !force) {
                    throw new ApiException(ErrorCode.PRICE_BELOW_FLOOR, below.size() + " price-list entries for " + sku
                            + " are below the new floor " + floor.toPlainString() + " " + currency
                            + "; fix them first or send force: true",
                            below.stream().map(c -> new FieldError("floorPrice", c.describe())).toList());
                }
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                return products.update(tx, caller.tenant(), id, merged, expectedVersion, now)
                        .flatMap(n -> {
                            if (n == 0) {
                                throw new ApiException(ErrorCode.VERSION_CONFLICT, "product " + sku + " changed meanwhile");
                            }
                            return products.findBySku(tx, caller.tenant(), sku).map(java.util.Optional::orElseThrow);
                        })
                        .call(view -> outbox.append(tx, caller, "product.updated", "product", id, null,
                                below.isEmpty() ? view : Map.of("product", view, "forcedOverEntries", below)));
            });
        }));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static ProductView shown(Caller caller, ProductView v) {
        return caller.isPartnerOnly() ? v.withoutFloor() : v;
    }

    static boolean isUniqueViolation(Throwable t) {
        return t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState());
    }
}
