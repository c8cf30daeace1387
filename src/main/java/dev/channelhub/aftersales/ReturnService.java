package dev.channelhub.aftersales;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.inventory.StockService;
import dev.channelhub.order.OrderAfterSales;
import dev.channelhub.order.OrderAfterSales.RefundOutcome;
import dev.channelhub.order.OrderAfterSales.RefundedLine;
import dev.channelhub.order.OrderAfterSales.ReturnableOrder;
import dev.channelhub.order.OrderLineView;
import dev.channelhub.order.OrderView;
import dev.channelhub.settings.TenantSettingsService;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Returns (RMA), API-CONTRACT-2 §7. Every write runs in one transaction on the pool with the order row locked
 * first (so two returns of one order serialise and never exceed the shipped units), the return's own rows and
 * timeline, the order's timeline, stock (RESTOCK), the order's money (refund) and the {@code return.*} outbox event.
 * Returns stay on the Vert.x pool rather than Panache: receive and refund share their transaction with the stock
 * ledger and the order row, which live on the pool.
 */
@ApplicationScoped
public class ReturnService {

    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ReturnRepository returns;
    private final OrderAfterSales orders;
    private final StockService stock;
    private final TenantSettingsService settings;
    private final IdempotencyService idempotency;
    private final RequestValidator validator;
    private final EventOutbox outbox;
    private final Db db;

    public ReturnService(ReturnRepository returns, OrderAfterSales orders, StockService stock, TenantSettingsService settings,
                         IdempotencyService idempotency, RequestValidator validator, EventOutbox outbox, Db db) {
        this.returns = returns;
        this.orders = orders;
        this.stock = stock;
        this.settings = settings;
        this.idempotency = idempotency;
        this.validator = validator;
        this.outbox = outbox;
        this.db = db;
    }

    // ------------------------------------------------------------------ request

    public Uni<Outcome<ReturnView>> request(Caller caller, CreateReturnRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.SALES, Role.INTEGRATION, Role.PARTNER);
            validator.check(request);
            UUID orderId = Ids.parse(request.orderId(), "orderId");
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < request.lines().size(); i++) {
                if (!seen.add(request.lines().get(i).sku())) {
                    throw ApiException.invalid("lines[" + i + "].sku", "appears more than once");
                }
            }
            String tenant = caller.tenant();
            return idempotency.run(caller, idempotencyKey, "POST /returns", request, ReturnView.class, () -> nextNumber(tenant)
                    .flatMap(number -> db.inTransaction(tx -> orders.lockForReturn(tx, caller, orderId, "orderId")
                            .flatMap(ro -> returns.returnedUnits(tx, tenant, orderId)
                                    .flatMap(returned -> settings.current(tx, tenant)
                                            .flatMap(s -> insertRequested(tx, caller, request, ro, returned, s.returnWindowDays(), number,
                                                    idempotencyKey))))))
                    .map(Outcome::created));
        });
    }

    private Uni<String> nextNumber(String tenant) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        return returns.nextNumber(tenant, day).map(n -> String.format("RMA-%s-%06d", day.format(NUMBER_DAY), n));
    }

    private Uni<ReturnView> insertRequested(SqlClient tx, Caller caller, CreateReturnRequest request, ReturnableOrder ro,
                                            Map<String, Long> returned, int windowDays, String number, String idempotencyKey) {
        OrderView order = ro.order();
        Map<String, OrderLineView> bySku = order.lines().stream().collect(Collectors.toMap(OrderLineView::sku, Function.identity()));
        List<FieldError> unknown = new ArrayList<>();
        List<FieldError> tooMany = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ReturnLineRequest l = request.lines().get(i);
            OrderLineView ol = bySku.get(l.sku());
            if (ol == null) {
                unknown.add(new FieldError("lines[" + i + "].sku", l.sku() + " is not on this order"));
                continue;
            }
            long left = ol.shippedQuantity() - returned.getOrDefault(l.sku(), 0L);
            if (l.quantity() > left) {
                tooMany.add(new FieldError("lines[" + i + "].quantity", l.sku() + ": " + Math.max(left, 0) + " shipped and not yet returned, "
                        + l.quantity() + " asked"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.invalid(unknown);
        }
        if (!tooMany.isEmpty()) {
            throw new ApiException(ErrorCode.RETURN_QUANTITY_EXCEEDED, "more than shipped minus other returns: "
                    + tooMany.stream().map(FieldError::message).collect(Collectors.joining("; ")), tooMany);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (ro.windowStart() != null && now.isAfter(ro.windowStart().plus(Duration.ofDays(windowDays)))) {
            throw new ApiException(ErrorCode.RETURN_WINDOW_CLOSED, "order " + order.number() + ": the return window of " + windowDays
                    + " days from " + ro.windowStart() + " is over");
        }
        String cur = order.currency();
        List<ReturnLineView> lines = request.lines().stream().map(l -> {
            BigDecimal price = bySku.get(l.sku()).unitPrice();
            return new ReturnLineView(l.sku(), l.quantity(), l.reason(), price, Money.round(price.multiply(BigDecimal.valueOf(l.quantity())), cur),
                    0, null);
        }).toList();
        BigDecimal total = Money.round(lines.stream().map(ReturnLineView::refundAmount).reduce(BigDecimal.ZERO, BigDecimal::add), cur);
        UUID id = Ids.newId();
        ReturnView view = new ReturnView(id.toString(), number, order.id(), order.channelId(), order.customerId(), ReturnStatus.REQUESTED,
                lines, total, cur, request.note(), null, null, null, null, null, null, now, now, 1);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", number);
        details.put("orderId", order.id());
        details.put("lines", lines);
        details.put("refundTotal", total);
        return returns.insert(tx, caller.tenant(), view, IdempotencyService.scopeOf(caller), idempotencyKey, caller.subject(), details)
                .call(x -> orders.recordEvent(tx, caller, order.uuid(), "RETURN_REQUESTED", refDetails(view, Map.of("refundTotal", total))))
                .call(x -> outbox.append(tx, caller, "return.requested", "return", id, UUID.fromString(order.channelId()), view))
                .replaceWith(view);
    }

    // ------------------------------------------------------------------ approve / reject

    public Uni<ReturnView> approve(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES);
            return decide(caller, id, ReturnStatus.APPROVED, null);
        });
    }

    public Uni<ReturnView> reject(Caller caller, UUID id, RejectReturnRequest request) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES);
            validator.check(request);
            return decide(caller, id, ReturnStatus.REJECTED, request.reason());
        });
    }

    private Uni<ReturnView> decide(Caller caller, UUID id, ReturnStatus to, String reason) {
        return db.inTransaction(tx -> lockVisible(tx, caller, id).flatMap(r -> {
            ReturnLifecycle.require(r.number(), r.status(), to);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Map<String, Object> details = reason == null ? Map.of() : Map.of("reason", reason);
            return returns.setStatus(tx, caller.tenant(), id, to, reason, now, caller.subject(), details)
                    .call(x -> orders.recordEvent(tx, caller, UUID.fromString(r.orderId()), "RETURN_" + to.name(), refDetails(r, details)))
                    .flatMap(x -> reload(tx, caller, id))
                    .call(v -> outbox.append(tx, caller, "return." + to.name().toLowerCase(), "return", id, UUID.fromString(v.channelId()), v));
        }));
    }

    // ------------------------------------------------------------------ receive

    public Uni<ReturnView> receive(Caller caller, UUID id, ReceiveReturnRequest request) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION);
            validator.check(request);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < request.lines().size(); i++) {
                if (!seen.add(request.lines().get(i).sku())) {
                    throw ApiException.invalid("lines[" + i + "].sku", "appears more than once");
                }
            }
            return db.inTransaction(tx -> lockVisible(tx, caller, id).flatMap(r -> {
                ReturnLifecycle.require(r.number(), r.status(), ReturnStatus.RECEIVED);
                Map<String, ReturnLineView> bySku = new HashMap<>();
                r.lines().forEach(l -> bySku.put(l.sku(), l));
                List<FieldError> unknown = new ArrayList<>();
                List<FieldError> tooMany = new ArrayList<>();
                for (int i = 0; i < request.lines().size(); i++) {
                    ReceiveLineRequest l = request.lines().get(i);
                    ReturnLineView rl = bySku.get(l.sku());
                    if (rl == null) {
                        unknown.add(new FieldError("lines[" + i + "].sku", l.sku() + " is not on this return"));
                    } else if (l.quantity() > rl.quantity()) {
                        tooMany.add(new FieldError("lines[" + i + "].quantity", l.sku() + ": " + rl.quantity() + " approved, "
                                + l.quantity() + " received"));
                    }
                }
                if (!unknown.isEmpty()) {
                    throw ApiException.invalid(unknown);
                }
                if (!tooMany.isEmpty()) {
                    throw new ApiException(ErrorCode.RETURN_QUANTITY_EXCEEDED, "received more than approved: "
                            + tooMany.stream().map(FieldError::message).collect(Collectors.joining("; ")), tooMany);
                }
                List<StockService.Restock> restock = request.lines().stream()
                        .filter(l -> l.disposition() == Disposition.RESTOCK && l.quantity() > 0)
                        .map(l -> new StockService.Restock(l.sku(), l.quantity())).toList();
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("locationCode", request.locationCode());
                details.put("lines", request.lines());
                Uni<?> moved = restock.isEmpty() ? Uni.createFrom().voidItem()
                        : stock.restock(tx, caller, request.locationCode(), "locationCode", restock, "RETURN", id, "return " + r.number());
                return moved
                        .flatMap(x -> returns.receive(tx, caller.tenant(), id, request.lines().stream().map(ReceiveLineRequest::sku).toList(),
                                request.lines().stream().map(ReceiveLineRequest::quantity).toList(),
                                request.lines().stream().map(l -> l.disposition().name()).toList(), request.locationCode(), now,
                                caller.subject(), details))
                        .call(x -> orders.recordEvent(tx, caller, UUID.fromString(r.orderId()), "RETURN_RECEIVED", refDetails(r, details)))
                        .flatMap(x -> reload(tx, caller, id))
                        .call(v -> outbox.append(tx, caller, "return.received", "return", id, UUID.fromString(v.channelId()), v));
            }));
        });
    }

    // ------------------------------------------------------------------ refund

    public Uni<ReturnView> refund(Caller caller, UUID id, RefundReturnRequest request) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION);
            validator.check(request);
            return db.inTransaction(tx -> lockVisible(tx, caller, id).flatMap(r -> {
                ReturnLifecycle.require(r.number(), r.status(), ReturnStatus.REFUNDED);
                List<RefundedLine> lines = r.lines().stream().filter(l -> l.receivedQuantity() > 0)
                        .map(l -> new RefundedLine(l.sku(), l.receivedQuantity(), l.refundAmount())).toList();
                return orders.refund(tx, caller, UUID.fromString(r.orderId()), lines, request.method(), request.reference(), "RETURN", id,
                        r.number()).flatMap(outcome -> refunded(tx, caller, r, request, outcome));
            }));
        });
    }

    private Uni<ReturnView> refunded(SqlClient tx, Caller caller, ReturnView r, RefundReturnRequest request, RefundOutcome outcome) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("refunded", outcome.split().refund());
        details.put("credited", outcome.split().credit());
        details.put("method", request.method());
        details.put("reference", request.reference());
        details.put("orderPaymentStatus", outcome.order().paymentStatus().name());
        return returns.refunded(tx, caller.tenant(), r.uuid(), outcome.split().refund(), outcome.split().credit(), request.method(),
                        request.reference(), now, caller.subject(), details)
                .flatMap(x -> reload(tx, caller, r.uuid()))
                .call(v -> outbox.append(tx, caller, "return.refunded", "return", v.uuid(), UUID.fromString(v.channelId()),
                        Map.of("return", v, "refunded", outcome.split().refund(), "credited", outcome.split().credit(),
                                "order", Map.of("id", outcome.order().id(), "refundedTotal", outcome.order().refundedTotal(),
                                        "creditedTotal", outcome.order().creditedTotal(), "outstanding", outcome.order().outstanding(),
                                        "paymentStatus", outcome.order().paymentStatus().name()))));
    }

    // ------------------------------------------------------------------ reads

    public Uni<ReturnView> get(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            return returns.find(db.pool(), caller.tenant(), id, false).map(found -> found.filter(r -> visible(caller, r))
                    .orElseThrow(() -> ApiException.notFound("return", id)));
        });
    }

    public Uni<Page<ReturnView>> list(Caller caller, ReturnFilter filter, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            UUID scope = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
            return returns.list(db.pool(), caller.tenant(), scope, filter, page.afterId(), page.fetchSize())
                    .map(rows -> Page.of(rows, page, ReturnView::id));
        });
    }

    public Uni<Page<AfterSalesEventView>> timeline(Caller caller, UUID id, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            Long after = seqCursor(page);
            return get(caller, id).flatMap(r -> returns.timeline(db.pool(), caller.tenant(), id, after, page.fetchSize()))
                    .map(rows -> Page.of(rows, page, AfterSalesEventView::id));
        });
    }

    /** Order.returns for GraphQL: the returns of every order of the batch, one statement, in the input order. */
    public Uni<List<List<ReturnView>>> ofOrders(Caller caller, List<UUID> orderIds) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            UUID scope = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
            return returns.ofOrders(db.pool(), caller.tenant(), scope, orderIds.stream().distinct().toList())
                    .map(m -> orderIds.stream().map(id -> m.getOrDefault(id, List.of())).toList());
        });
    }

    // ------------------------------------------------------------------ helpers

    private static void requireReader(Caller caller) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
    }

    private static boolean visible(Caller caller, ReturnView r) {
        return !caller.isPartnerOnly() || r.channelId().equals(caller.partnerChannelId().toString());
    }

    private Uni<ReturnView> lockVisible(SqlClient tx, Caller caller, UUID id) {
        return returns.find(tx, caller.tenant(), id, true).map(found -> found.filter(r -> visible(caller, r))
                .orElseThrow(() -> ApiException.notFound("return", id)));
    }

    private Uni<ReturnView> reload(SqlClient tx, Caller caller, UUID id) {
        return returns.find(tx, caller.tenant(), id, false).map(found -> found.orElseThrow(() -> ApiException.notFound("return", id)));
    }

    private static Map<String, Object> refDetails(ReturnView r, Map<String, Object> more) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("returnId", r.id());
        m.put("returnNumber", r.number());
        m.putAll(more);
        return m;
    }

    private static Long seqCursor(PageRequest page) {
        if (page.after() == null) {
            return null;
        }
        try {
            return Long.parseLong(page.after());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("cursor", "is not a cursor this API issued");
        }
    }
}
