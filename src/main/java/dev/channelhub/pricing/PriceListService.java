package dev.channelhub.pricing;

import dev.channelhub.catalog.FloorConflict;
import dev.channelhub.catalog.PriceFloorCheck;
import dev.channelhub.catalog.ProductService;
import dev.channelhub.catalog.ProductView;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiErrors;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Completion;
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
import org.hibernate.reactive.mutiny.Mutiny;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Price lists and their entries. Partners never see lists (only their resolved prices); sales reads them;
 * managers write them; integration clients load entries. Every entry is checked against the product's floor.
 */
@ApplicationScoped
public class PriceListService implements PriceFloorCheck {

    static final Role[] READERS = {Role.MANAGER, Role.SALES, Role.INTEGRATION};
    static final Role[] WRITERS = {Role.MANAGER};
    static final Role[] ENTRY_WRITERS = {Role.MANAGER, Role.INTEGRATION};

    @Inject
    PriceListRepository lists;

    @Inject
    ProductService products;

    @Inject
    Db db;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    @Inject
    EventOutbox outbox;

    public Uni<Outcome<PriceListView>> create(Caller caller, CreatePriceListRequest request, String idempotencyKey) {
        caller.require(WRITERS);
        validator.check(request);
        String currency = Money.currency(request.currency(), "currency");
        PriceScope scope = PriceScope.orEmpty(request.scope(), "scope");
        checkWindow(request.validFrom(), request.validTo());
        List<PriceEntry> entries = request.entries() == null ? List.of() : request.entries();
        checkDuplicates(entries);
        // The floor check reads the catalogue on the pool first; then one Hibernate Reactive transaction: the header
        // (an entity), its entries (a native statement on the same session), price_list.created and the idempotency answer.
        return idempotency.runRecording(caller, idempotencyKey, "POST /price-lists", request, PriceListView.class,
                completion -> checkFloors(db.pool(), caller.tenant(), currency, entries)
                        .flatMap(checked -> Panache.withTransaction(() -> Panache.getSession().flatMap(session ->
                                created(session, caller, newList(caller.tenant(), request, currency, scope, entries.size()), entries,
                                        completion)))))
                // Quotes on a replica wait for what was just written (Db.withFreshReads); nothing without a replica.
                .call(x -> db.fence(caller.tenant()));
    }

    /** What {@link #create} writes in its transaction: header, entries, price_list.created, then the idempotency answer. */
    Uni<Outcome<PriceListView>> created(Mutiny.Session session, Caller caller, PriceListEntity list, List<PriceEntry> entries,
                                        Completion completion) {
        return insert(session, list, entries)
                .call(view -> outbox.append(session, caller, "price_list.created", "price_list", list.id, null, view))
                .flatMap(view -> completion.record(session, Outcome.created(view)));
    }

    public Uni<PriceListView> get(Caller caller, UUID id) {
        caller.require(READERS);
        return lists.find(db.pool(), caller.tenant(), id).map(o -> o.orElseThrow(() -> ApiException.notFound("price list", id)));
    }

    public Uni<Page<PriceListView>> list(Caller caller, String currency, String sku, PageRequest page) {
        caller.require(READERS);
        String cur = currency == null || currency.isBlank() ? null : Money.currency(currency, "currency");
        return lists.list(caller.tenant(), cur, sku == null || sku.isBlank() ? null : sku, page)
                .map(rows -> Page.of(rows, page, PriceListView::id));
    }

    public Uni<Page<PriceEntry>> entries(Caller caller, UUID id, String sku, PageRequest page) {
        caller.require(READERS);
        String afterSku = null;
        Integer afterTier = null;
        if (page.after() != null) {
            int space = page.after().lastIndexOf(' ');
            try {
                afterSku = page.after().substring(0, space);
                afterTier = Integer.valueOf(page.after().substring(space + 1));
            } catch (RuntimeException e) {
                throw ApiException.invalid("cursor", "is not a cursor this API issued");
            }
        }
        String fromSku = afterSku;
        Integer fromTier = afterTier;
        return get(caller, id).flatMap(list -> lists.entries(caller.tenant(), id, sku == null || sku.isBlank() ? null : sku,
                        fromSku, fromTier, page.fetchSize()))
                .map(rows -> Page.of(rows.stream().map(e -> new PriceEntry(e.sku(), e.price(), e.tier())).toList(), page,
                        EntryPage::key));
    }

    public Uni<PriceListView> update(Caller caller, UUID id, PriceListPatch patch, Integer expectedVersion) {
        caller.require(WRITERS);
        validator.check(patch);
        PriceScope newScope = patch.scope() == null ? null : patch.scope().normalized("scope");
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> lists.lockEntity(caller.tenant(), id)
                .flatMap(current -> {
                    if (current == null) {
                        throw ApiException.notFound("price list", id);
                    }
                    checkVersion(current.code, expectedVersion, current.version);
                    Instant from = patch.validFrom() == null ? current.validFrom : patch.validFrom();
                    Instant to = patch.validTo() == null ? current.validTo : patch.validTo();
                    checkWindow(from, to);
                    if (patch.name() != null) {
                        current.name = patch.name();
                    }
                    if (patch.priority() != null) {
                        current.priority = patch.priority();
                    }
                    if (newScope != null) {
                        current.setScope(newScope);
                    }
                    current.setValidity(from, to);
                    current.updatedAt = now();
                    // The flush checks and bumps version (the ETag); entries are untouched, so entryCount is the one read.
                    return session.flush().map(x -> current.toView())
                            .call(view -> outbox.append(session, caller, "price_list.updated", "price_list", id, null, view));
                }))).call(x -> db.fence(caller.tenant()));
    }

    /** {@code PUT /price-lists/{id}/entries}: thousands of rows, one transaction, a constant number of statements. */
    public Uni<PriceListView> putEntries(Caller caller, UUID id, PriceEntriesRequest request, Integer expectedVersion) {
        caller.require(ENTRY_WRITERS);
        validator.check(request);
        List<PriceEntry> entries = request.entries();
        checkDuplicates(entries);
        boolean replace = Boolean.TRUE.equals(request.replace());
        return db.inTransaction(tx -> lists.find(tx, caller.tenant(), id).flatMap(found -> {
            PriceListView old = found.orElseThrow(() -> ApiException.notFound("price list", id));
            checkVersion(old, expectedVersion);
            return writeEntries(tx, caller, old, entries, replace, expectedVersion);
        })).call(x -> db.fence(caller.tenant()));
    }

    /** GraphQL {@code upsertPriceList}: by code, create the list or update it and upsert its entries. */
    public Uni<PriceListView> upsert(Caller caller, CreatePriceListRequest request, Integer expectedVersion) {
        caller.require(WRITERS);
        validator.check(request);
        String currency = Money.currency(request.currency(), "currency");
        PriceScope scope = PriceScope.orEmpty(request.scope(), "scope");
        checkWindow(request.validFrom(), request.validTo());
        List<PriceEntry> entries = request.entries() == null ? List.of() : request.entries();
        checkDuplicates(entries);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> lists.lockByCode(caller.tenant(), request.code())
                .flatMap(found -> {
                    if (found == null) {
                        if (expectedVersion != null) {
                            throw ApiException.notFound("price list", request.code());
                        }
                        PriceListEntity list = newList(caller.tenant(), request, currency, scope, entries.size());
                        return checkFloors(db.pool(), caller.tenant(), currency, entries)
                                .flatMap(x -> insert(session, list, entries))
                                .call(view -> outbox.append(session, caller, "price_list.created", "price_list", list.id, null, view));
                    }
                    checkVersion(found.code, expectedVersion, found.version);
                    if (!found.currency.equals(currency)) {
                        throw ApiException.invalid("currency", "a price list's currency cannot change (it is " + found.currency + ")");
                    }
                    found.name = request.name();
                    found.priority = request.priority();
                    found.setScope(scope);
                    found.setValidity(request.validFrom(), request.validTo());
                    found.updatedAt = now();
                    return session.flush()
                            .flatMap(x -> entries.isEmpty() ? Uni.createFrom().item(found.toView())
                                    : checkFloors(db.pool(), caller.tenant(), currency, entries)
                                    .flatMap(y -> lists.upsertEntries(session, caller.tenant(), found.id, entries))
                                    .flatMap(y -> lists.entryCount(session, caller.tenant(), found.id))
                                    .map(count -> {
                                        found.entryCount = count;
                                        return found.toView();
                                    }))
                            .call(view -> outbox.append(session, caller, "price_list.updated", "price_list", found.id, null, view));
                }))).call(x -> db.fence(caller.tenant()));
    }

    /** A new header (version 1) with its entry count; {@code scope} is normalized. */
    static PriceListEntity newList(String tenant, CreatePriceListRequest request, String currency, PriceScope scope,
                                           int entryCount) {
        Instant now = now();
        PriceListEntity list = new PriceListEntity();
        list.tenantId = tenant;
        list.id = Ids.newId();
        list.code = request.code();
        list.name = request.name();
        list.currency = currency;
        list.priority = request.priority();
        list.setScope(scope);
        list.setValidity(request.validFrom(), request.validTo());
        list.entryCount = entryCount;
        list.version = 1;
        list.createdAt = now;
        list.updatedAt = now;
        return list;
    }

    /** Persists the header (a taken code is DUPLICATE), then its entries on the same session (none checked twice). */
    private Uni<PriceListView> insert(Mutiny.Session session, PriceListEntity list, List<PriceEntry> entries) {
        return session.persist(list).call(session::flush)
                .onFailure(ApiErrors::isUniqueViolation).transform(e ->
                        new ApiException(ErrorCode.DUPLICATE, "price list code " + list.code + " already exists"))
                .call(x -> lists.upsertEntries(session, list.tenantId, list.id, entries))
                .map(x -> list.toView());
    }

    /** Entries of lists in {@code currency} that price {@code sku} below {@code floor} (for a floor change). */
    @Override
    public Uni<List<FloorConflict>> entriesBelow(org.hibernate.reactive.mutiny.Mutiny.Session session, String tenant, String sku,
                                                 String currency, BigDecimal floor) {
        return lists.entriesBelow(session, tenant, sku, currency, floor);
    }

    private Uni<PriceListView> writeEntries(SqlClient tx, Caller caller, PriceListView list, List<PriceEntry> entries, boolean replace,
                                           Integer expectedVersion) {
        UUID id = UUID.fromString(list.id());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return checkFloors(tx, caller.tenant(), list.currency(), entries)
                .flatMap(x -> lists.upsertEntries(tx, caller.tenant(), id, entries))
                .flatMap(x -> replace ? lists.deleteEntriesNotIn(tx, caller.tenant(), id, entries) : Uni.createFrom().item(0))
                .flatMap(x -> lists.touch(tx, caller.tenant(), id, expectedVersion, now))
                .flatMap(n -> reload(tx, caller, id, n))
                .call(view -> outbox.append(tx, caller, "price_list.entries_changed", "price_list", id, null,
                        Map.of("priceListId", id.toString(), "code", view.code(), "upserted", entries.size(), "replace", replace,
                                "version", view.version())));
    }

    private Uni<PriceListView> reload(SqlClient tx, Caller caller, UUID id, int updatedRows) {
        if (updatedRows == 0) {
            throw new ApiException(ErrorCode.VERSION_CONFLICT, "price list " + id + " changed meanwhile");
        }
        return lists.find(tx, caller.tenant(), id).map(Optional::orElseThrow);
    }

    /**
     * Every entry's SKU must exist, and no entry may be below its product's floor (when the floor is in the list's
     * currency). One statement for all the SKUs; every offending entry is named.
     */
    Uni<Void> checkFloors(SqlClient tx, String tenant, String currency, List<PriceEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> skus = new LinkedHashSet<>();
        entries.forEach(e -> skus.add(e.sku()));
        return products.mapBySku(tx, tenant, skus).map(found -> {
            List<FieldError> unknown = new ArrayList<>();
            List<FieldError> below = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                PriceEntry e = entries.get(i);
                ProductView p = found.get(e.sku());
                if (p == null) {
                    unknown.add(new FieldError("entries[" + i + "].sku", e.sku() + " is not in the catalogue"));
                    continue;
                }
                if (p.floorPrice() != null && p.currency().equals(currency) && e.price().compareTo(p.floorPrice()) < 0) {
                    below.add(new FieldError("entries[" + i + "].price", e.sku() + ": " + e.price().toPlainString() + " " + currency
                            + " (from " + e.tier() + " units) is below the floor " + p.floorPrice().toPlainString() + " " + currency));
                }
            }
            if (!unknown.isEmpty()) {
                throw ApiException.invalid(unknown);
            }
            if (!below.isEmpty()) {
                throw new ApiException(ErrorCode.PRICE_BELOW_FLOOR, below.size() == 1 ? below.get(0).message()
                        : below.size() + " entries are below their product's floor price", below);
            }
            return null;
        });
    }

    private static void checkDuplicates(List<PriceEntry> entries) {
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            PriceEntry e = entries.get(i);
            if (!seen.add(e.sku() + " " + e.tier())) {
                errors.add(new FieldError("entries[" + i + "]", e.sku() + " from " + e.tier() + " units appears twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    static void checkWindow(Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiException.invalid("validTo", "must be after validFrom");
        }
    }

    private static void checkVersion(PriceListView old, Integer expected) {
        checkVersion(old.code(), expected, old.version());
    }

    private static void checkVersion(String code, Integer expected, int version) {
        if (expected != null && expected != version) {
            throw ApiException.versionConflict("price list " + code, expected, version);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
