package dev.channelhub.inventory;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.inventory.StockRepository.Allocation;
import dev.channelhub.inventory.StockRepository.Change;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stock per location: set, adjust, read, the ledger, and the reservation primitives orders and holds use.
 * Stock is never oversold: every reservation is one conditional statement and the database refuses
 * {@code reserved > on_hand} by a CHECK constraint.
 */
@ApplicationScoped
public class StockService {

    public static final String OWNER_ORDER = "ORDER";
    public static final String OWNER_HOLD = "HOLD";

    @Inject
    StockRepository stock;

    @Inject
    LocationService locations;

    @Inject
    Db db;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    @Inject
    EventOutbox outbox;

    @Inject
    jakarta.enterprise.inject.Instance<StockLowered> loweredHooks;

    public Uni<StockLevelView> set(Caller caller, String locationCode, String sku, SetStockRequest request, Integer expectedVersion) {
        caller.require(Role.MANAGER, Role.INTEGRATION);
        validator.check(request);
        checkSku(sku, "sku");
        return db.inTransaction(tx -> locations.byCode(tx, caller.tenant(), locationCode, "locationCode")
                .flatMap(loc -> stock.ensureRow(tx, caller.tenant(), UUID.fromString(loc.id()), sku)
                        .flatMap(x -> stock.set(tx, caller.tenant(), UUID.fromString(loc.id()), sku, request.onHand(), expectedVersion,
                                request.reason(), caller.subject()))
                        .map(change -> {
                            StockLevelView before = change.before().orElseThrow();
                            if (expectedVersion != null && before.version() != expectedVersion) {
                                throw ApiException.versionConflict("stock " + locationCode + "/" + sku, expectedVersion, before.version());
                            }
                            StockLevelView after = change.after().orElseThrow(() -> ApiException.invalid("onHand",
                                    "must be at least the reserved quantity (" + before.reserved() + ")"));
                            return new StockLevelView[]{before, after};
                        })
                        .call(levels -> stockChanged(tx, caller, loc, levels[1], LedgerKind.SET))
                        .call(levels -> lowered(tx, caller, sku, levels[0].onHand() - levels[1].onHand(), loc, LedgerKind.SET))
                        .map(levels -> levels[1])));
    }

    public Uni<Outcome<LedgerEntryView>> adjust(Caller caller, StockAdjustmentRequest request, String idempotencyKey) {
        caller.require(Role.MANAGER, Role.INTEGRATION);
        validator.check(request);
        if (request.delta() == 0) {
            throw ApiException.invalid("delta", "must not be 0");
        }
        return idempotency.run(caller, idempotencyKey, "POST /stock/adjustments", request, LedgerEntryView.class,
                () -> db.inTransaction(tx -> locations.byCode(tx, caller.tenant(), request.locationCode(), "locationCode")
                        .flatMap(loc -> {
                            UUID locationId = UUID.fromString(loc.id());
                            Uni<Void> ensure = request.delta() > 0 ? stock.ensureRow(tx, caller.tenant(), locationId, request.sku())
                                    : Uni.createFrom().voidItem();
                            return ensure.flatMap(x -> stock.adjust(tx, caller.tenant(), locationId, request.sku(), request.delta(),
                                            request.reason(), caller.subject()))
                                    .flatMap(change -> {
                                        StockLevelView level = refusedAdjustment(change, request);
                                        return stockChanged(tx, caller, loc, level, LedgerKind.ADJUST)
                                                .call(x -> lowered(tx, caller, request.sku(), -request.delta(), loc, LedgerKind.ADJUST))
                                                .replaceWith(
                                                new LedgerEntryView(Long.toString(change.ledgerSeq()), loc.code(), request.sku(),
                                                        LedgerKind.ADJUST, request.delta(), 0, level.onHand(), level.reserved(),
                                                        request.reason(), null, null, caller.subject(), level.updatedAt()));
                                    });
                        })
                        .map(Outcome::created)));
    }

    private static StockLevelView refusedAdjustment(Change change, StockAdjustmentRequest request) {
        if (change.before().isEmpty()) {
            throw ApiException.invalid("delta", "would make on hand negative (no stock of " + request.sku() + " here)");
        }
        return change.after().orElseThrow(() -> ApiException.invalid("delta",
                "would leave on hand below the reserved quantity (on hand " + change.before().get().onHand()
                        + ", reserved " + change.before().get().reserved() + ")"));
    }

    /** One SKU of a return put back into stock. */
    public record Restock(String sku, long quantity) {
    }

    /**
     * Puts returned units back on hand at a location inside the caller's transaction: one RETURN ledger row per SKU
     * (reference type and id name the return) and a stock.changed event each. An unknown location is 404 on {@code field}.
     */
    public Uni<List<LedgerEntryView>> restock(SqlClient tx, Caller caller, String locationCode, String field, List<Restock> lines,
                                              String refType, UUID refId, String reason) {
        return locations.byCode(tx, caller.tenant(), locationCode, field).flatMap(loc -> {
            UUID locationId = UUID.fromString(loc.id());
            Uni<List<LedgerEntryView>> chain = Uni.createFrom().item(new java.util.ArrayList<>());
            for (Restock line : lines) {
                chain = chain.flatMap(done -> stock.restock(tx, caller.tenant(), locationId, line.sku(), line.quantity(), reason, refType,
                                refId, caller.subject())
                        .flatMap(row -> outbox.append(tx, caller, "stock.changed", "location", locationId, null,
                                        Map.of("locationCode", loc.code(), "sku", line.sku(), "onHand", row.getLong("on_hand"),
                                                "reserved", row.getLong("reserved"), "kind", LedgerKind.RETURN.name()))
                                .map(x -> {
                                    done.add(new LedgerEntryView(Long.toString(row.getLong("seq")), loc.code(), line.sku(), LedgerKind.RETURN,
                                            line.quantity(), 0, row.getLong("on_hand"), row.getLong("reserved"), reason, refType,
                                            refId.toString(), caller.subject(), java.time.Instant.now()));
                                    return done;
                                })));
            }
            return chain.map(l -> (List<LedgerEntryView>) l);
        });
    }

    /** Tells every {@link StockLowered} hook when a manual change took units off (no statement otherwise). */
    private Uni<Void> lowered(SqlClient tx, Caller caller, String sku, long decrease, LocationView loc, LedgerKind kind) {
        if (decrease <= 0) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StockLowered hook : loweredHooks) {
            chain = chain.flatMap(x -> hook.onLowered(tx, caller, sku, decrease, loc.code(), kind));
        }
        return chain;
    }

    private Uni<Void> stockChanged(SqlClient tx, Caller caller, LocationView loc, StockLevelView level, LedgerKind kind) {
        return outbox.append(tx, caller, "stock.changed", "location", UUID.fromString(loc.id()), null,
                Map.of("locationCode", loc.code(), "sku", level.sku(), "onHand", level.onHand(), "reserved", level.reserved(),
                        "kind", kind.name()));
    }

    public Uni<StockLevelView> level(Caller caller, String locationCode, String sku) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION);
        return locations.byCode(db.pool(), caller.tenant(), locationCode, "locationCode")
                .onFailure(ApiException.class).transform(e -> ApiException.notFound("location", locationCode))
                .flatMap(loc -> stock.level(db.pool(), caller.tenant(), UUID.fromString(loc.id()), sku))
                .map(found -> found.orElseThrow(() -> ApiException.notFound("stock", locationCode + "/" + sku)));
    }

    /** Per location plus available to promise for a channel; partners only for their own channel. */
    public Uni<StockView> stock(Caller caller, String sku, UUID channelId) {
        checkSku(sku, "sku");
        UUID channel = channelId;
        if (caller.isPartnerOnly()) {
            if (channel != null && !channel.equals(caller.partnerChannelId())) {
                throw ApiException.notFound("channel", channel);
            }
            channel = caller.partnerChannelId();
        }
        UUID ch = channel;
        return stock.levels(db.pool(), caller.tenant(), sku, ch).map(levels -> new StockView(sku, ch == null ? null : ch.toString(),
                levels, levels.stream().mapToLong(StockLevelView::available).sum()));
    }

    /**
     * Available to promise per SKU for the catalogue ({@code Product.availableToPromise}): one statement for a whole
     * page. A partner sees its own channel only (another channel is NOT_FOUND, as for its prices); staff without a
     * channel see every location.
     */
    public Uni<Map<String, Long>> availableToPromise(Caller caller, String channelId, List<String> skus) {
        UUID channel = Ids.parseNullable(channelId, "channelId");
        if (caller.isPartnerOnly()) {
            if (channel != null && !channel.equals(caller.partnerChannelId())) {
                throw ApiException.notFound("channel", channel);
            }
            channel = caller.partnerChannelId();
        }
        return availableToPromise(db.pool(), caller.tenant(), channel, skus);
    }

    public Uni<Page<LedgerEntryView>> ledger(Caller caller, String sku, String locationCode, PageRequest page) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION);
        Long after = null;
        if (page.after() != null) {
            try {
                after = Long.parseLong(page.after());
            } catch (NumberFormatException e) {
                throw ApiException.invalid("cursor", "is not a cursor this API issued");
            }
        }
        Long afterSeq = after;
        Uni<UUID> location = locationCode == null ? Uni.createFrom().nullItem()
                : locations.byCode(db.pool(), caller.tenant(), locationCode, "locationCode").map(l -> UUID.fromString(l.id()));
        return location.flatMap(loc -> stock.ledger(db.pool(), caller.tenant(), sku, loc, null, afterSeq, page.fetchSize()))
                .map(rows -> Page.of(rows, page, LedgerEntryView::id));
    }

    // ---- Cross-feature primitives (orders, catalogue). Unscoped: the calling service has authorised its caller.

    /** Available to promise per SKU for a channel, in one statement; SKUs without stock map to 0. */
    public Uni<Map<String, Long>> availableToPromise(SqlClient client, String tenant, UUID channelId, List<String> skus) {
        if (skus.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return stock.availableToPromise(client, tenant, channelId, skus.stream().distinct().toList());
    }

    /**
     * Reserves all lines (distinct SKUs) for the owner in the caller's transaction, or fails with
     * INSUFFICIENT_STOCK naming {@code <fieldPrefix>[i].quantity} for each short line and reserving nothing.
     */
    public Uni<List<ReservationView>> reserve(SqlClient tx, String tenant, String actor, UUID channelId, String ownerType,
                                              UUID ownerId, List<StockLine> lines, String fieldPrefix) {
        return reserve(tx, tenant, actor, channelId, ownerType, ownerId, lines, fieldPrefix, false);
    }

    /**
     * {@link #reserve} that first locks only the rows it plans to take from (cheaper: one row per SKU instead of
     * one per location). It may fail with {@link Replan}, in which case the caller must roll back
     * its transaction and run it again with {@link #reserve}.
     */
    public Uni<List<ReservationView>> reservePlanned(SqlClient tx, String tenant, String actor, UUID channelId, String ownerType,
                                                     UUID ownerId, List<StockLine> lines, String fieldPrefix) {
        return reserve(tx, tenant, actor, channelId, ownerType, ownerId, lines, fieldPrefix, true);
    }

    private Uni<List<ReservationView>> reserve(SqlClient tx, String tenant, String actor, UUID channelId, String ownerType,
                                               UUID ownerId, List<StockLine> lines, String fieldPrefix, boolean planned) {
        return stock.reserve(tx, tenant, channelId, ownerType, ownerId, lines, actor, planned).map(result -> {
            Map<String, Long> reservedBySku = new HashMap<>();
            for (Allocation a : result.reserved()) {
                reservedBySku.merge(a.sku(), a.quantity(), Long::sum);
            }
            List<FieldError> errors = new ArrayList<>();
            List<String> details = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                StockLine line = lines.get(i);
                Long available = result.shortAvailable().get(line.sku());
                if (result.shortAvailable().isEmpty() && reservedBySku.getOrDefault(line.sku(), 0L) != line.quantity()) {
                    available = reservedBySku.getOrDefault(line.sku(), 0L); // defensive: never commit a partial reservation
                }
                if (available != null) {
                    String msg = line.sku() + " needs " + line.quantity() + ", " + available + " available for channel " + channelId;
                    errors.add(new FieldError(fieldPrefix + "[" + i + "].quantity", msg));
                    details.add(msg);
                }
            }
            if (!errors.isEmpty()) {
                throw new ApiException(ErrorCode.INSUFFICIENT_STOCK, String.join("; ", details), errors);
            }
            return result.reserved().stream().map(a -> new ReservationView(a.locationCode(), a.sku(), a.quantity())).toList();
        });
    }

    /** Releases whatever the owner still has reserved. */
    public Uni<List<ReservationView>> releaseAll(SqlClient tx, String tenant, String actor, UUID ownerId, String reason) {
        return stock.releaseAll(tx, tenant, ownerId, reason, actor)
                .map(list -> list.stream().map(a -> new ReservationView(a.locationCode(), a.sku(), a.quantity())).toList());
    }

    /** Ships from the owner's reservations; returns what each location gave (less than asked if not reserved). */
    public Uni<List<ReservationView>> ship(SqlClient tx, String tenant, String actor, UUID ownerId, List<StockLine> lines, String reason) {
        return stock.ship(tx, tenant, ownerId, lines, reason, actor)
                .map(list -> list.stream().map(a -> new ReservationView(a.locationCode(), a.sku(), a.quantity())).toList());
    }

    /** What each owner still has reserved, one statement for all of them. */
    public Uni<Map<UUID, List<ReservationView>>> reservationsOf(SqlClient client, String tenant, List<UUID> ownerIds) {
        if (ownerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return stock.reservationsOf(client, tenant, ownerIds);
    }

    static void checkSku(String sku, String field) {
        if (sku == null || sku.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        if (sku.length() > 64) {
            throw ApiException.invalid(field, "must be at most 64 characters");
        }
    }
}
