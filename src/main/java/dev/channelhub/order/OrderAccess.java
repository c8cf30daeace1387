package dev.channelhub.order;

import dev.channelhub.inventory.StockLine;
import dev.channelhub.inventory.StockService;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What every order use case shares: which orders a caller sees (a partner only its channel's, others NOT_FOUND), locking
 * an order row with its expected version, and completing a view with its lines and reservations.
 */
@ApplicationScoped
public class OrderAccess {

    private final OrderRepository orders;
    private final StockService stock;
    private final Db db;
    private final Instance<OrderReturnsLookup> returnLookups;

    public OrderAccess(OrderRepository orders, StockService stock, Db db, @Any Instance<OrderReturnsLookup> returnLookups) {
        this.orders = orders;
        this.stock = stock;
        this.db = db;
        this.returnLookups = returnLookups;
    }

    static void requireReader(Caller caller) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
    }

    /** Staff-only actions: another channel's order is NOT_FOUND to a partner (contract §3), its own is FORBIDDEN. */
    <T> Uni<T> partnerMayNot(Caller caller, UUID id) {
        return visible(caller, db.pool(), id).flatMap(o -> Uni.createFrom().failure(ApiException.forbidden("a partner may not do this")));
    }

    Uni<OrderView> visible(Caller caller, SqlClient client, UUID id) {
        return orders.find(client, caller.tenant(), id).map(found -> found
                .filter(o -> !caller.isPartnerOnly() || o.channelId().equals(caller.partnerChannelId().toString()))
                .orElseThrow(() -> ApiException.notFound("order", id)));
    }

    Uni<OrderView> lockVisible(SqlClient tx, Caller caller, UUID id, Integer expectedVersion) {
        return orders.lock(tx, caller.tenant(), id).map(found -> {
            OrderView o = found.filter(x -> !caller.isPartnerOnly() || x.channelId().equals(caller.partnerChannelId().toString()))
                    .orElseThrow(() -> ApiException.notFound("order", id));
            if (expectedVersion != null && expectedVersion != o.version()) {
                throw ApiException.versionConflict("order " + o.number(), expectedVersion, o.version());
            }
            return o;
        });
    }

    /** The order with its lines and current reservations (two statements). */
    Uni<OrderView> complete(SqlClient client, String tenant, OrderView o) {
        return completeAll(client, tenant, List.of(o)).map(l -> l.get(0));
    }

    Uni<List<OrderView>> completeAll(SqlClient client, String tenant, List<OrderView> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = list.stream().map(OrderView::uuid).toList();
        return orders.lines(client, tenant, ids).flatMap(lines -> stock.reservationsOf(client, tenant, ids)
                .map(res -> list.stream().map(o -> o.with(lines.getOrDefault(o.uuid(), List.of()), res.getOrDefault(o.uuid(), List.of())))
                        .toList()))
                .flatMap(done -> withReturns(client, tenant, done));
    }

    /** Fills {@code returns} of the order views (one statement for all of them, when after-sales is installed). */
    Uni<List<OrderView>> withReturns(SqlClient client, String tenant, List<OrderView> list) {
        if (returnLookups.isUnsatisfied()) {
            return Uni.createFrom().item(list.stream().map(o -> o.withReturns(List.of())).toList());
        }
        List<UUID> ids = list.stream().map(OrderView::uuid).toList();
        return returnLookups.get().returnsOf(client, tenant, ids)
                .map(m -> list.stream().map(o -> o.withReturns(m.getOrDefault(o.uuid(), List.of()))).toList());
    }

    static ApiException invalidTransition(OrderView o, String what) {
        return new ApiException(ErrorCode.INVALID_TRANSITION, "order " + o.number() + " is " + o.status() + " and cannot be " + what);
    }

    /** The order part of an event payload. */
    static Map<String, Object> summary(OrderView o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("number", o.number());
        m.put("channelId", o.channelId());
        m.put("customerId", o.customerId());
        m.put("status", o.status().name());
        m.put("paymentStatus", o.paymentStatus().name());
        m.put("total", o.total());
        m.put("paidAmount", o.paidAmount());
        m.put("currency", o.currency());
        m.put("version", o.version());
        return m;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static List<StockLine> distinctLines(List<OrderLineRequest> lines) {
        Set<String> seen = new HashSet<>();
        List<StockLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLineRequest l = lines.get(i);
            if (!seen.add(l.sku())) {
                throw ApiException.invalid("lines[" + i + "].sku", "appears more than once");
            }
            out.add(new StockLine(l.sku(), l.quantity()));
        }
        return out;
    }
}
