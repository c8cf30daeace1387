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
import dev.channelhub.shared.persistence.SessionConnection;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import io.smallrye.mutiny.Uni;
import dev.channelhub.aftersales.ReturnRepository.LineRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.hibernate.reactive.mutiny.Mutiny;
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
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Returns (RMA), API-CONTRACT-2 §7. Every write is one Hibernate Reactive session transaction: the header is
 * {@link ReturnEntity} (locked, changed, {@code @Version} bumped by the flush), and the statements it cannot express run
 * on the session's own connection ({@code SessionConnection.of(session)}), so they commit or roll back with it: the order
 * row locked first on a request (two returns of one order serialise and never exceed the shipped units), the return's
 * lines and timeline, the order's timeline, stock (RESTOCK), the order's money (refund), the {@code return.*} outbox
 * event and the request's idempotency answer.
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
            return idempotency.runRecording(caller, idempotencyKey, "POST /returns", request, ReturnView.class, completion -> nextNumber(tenant)
                    .flatMap(number -> inTransaction((session, tx) -> orders.lockForReturn(tx, caller, orderId, "orderId")
                            .flatMap(ro -> returns.returnedUnits(tx, tenant, orderId)
                                    .flatMap(returned -> settings.current(tx, tenant)
                                            .flatMap(s -> insertRequested(session, tx, caller, request, ro, returned, s.returnWindowDays(),
                                                    number, idempotencyKey))))
                            .flatMap(view -> completion.record(session, Outcome.created(view))))));
        });
    }

    private Uni<String> nextNumber(String tenant) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        return returns.nextNumber(tenant, day).map(n -> String.format("RMA-%s-%06d", day.format(NUMBER_DAY), n));
    }

    private Uni<ReturnView> insertRequested(Mutiny.Session session, SqlClient tx, Caller caller, CreateReturnRequest request, ReturnableOrder ro,
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
        List<LineRow> rows = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ReturnLineRequest l = request.lines().get(i);
            rows.add(new LineRow(i + 1, l.sku(), l.quantity(), l.reason(), bySku.get(l.sku()).unitPrice(), 0, null));
        }
        List<ReturnLineView> lines = rows.stream().map(l -> l.toView(ReturnStatus.REQUESTED, cur)).toList();
        BigDecimal total = Money.round(lines.stream().map(ReturnLineView::refundAmount).reduce(BigDecimal.ZERO, BigDecimal::add), cur);
        ReturnEntity e = new ReturnEntity();
        e.tenantId = caller.tenant();
        e.id = Ids.newId();
        e.number = number;
        e.orderId = order.uuid();
        e.channelId = UUID.fromString(order.channelId());
        e.customerId = order.customerId() == null ? null : UUID.fromString(order.customerId());
        e.status = ReturnStatus.REQUESTED;
        e.currency = cur;
        e.refundTotal = total;
        e.note = request.note();
        e.idempotencyCaller = idempotencyKey == null ? null : IdempotencyService.scopeOf(caller);
        e.idempotencyKey = idempotencyKey;
        e.createdBy = caller.subject();
        e.version = 1;
        e.createdAt = now;
        e.updatedAt = now;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", number);
        details.put("orderId", order.id());
        details.put("lines", lines);
        details.put("refundTotal", total);
        return session.persist(e).call(session::flush)
                .map(x -> e.toView(rows))
                .call(view -> returns.insertLines(tx, caller.tenant(), e.id, rows, caller.subject(), details, now))
                .call(view -> orders.recordEvent(tx, caller, order.uuid(), "RETURN_REQUESTED", refDetails(view, Map.of("refundTotal", total))))
                .call(view -> outbox.append(session, caller, "return.requested", "return", e.id, e.channelId, view));
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
        return inTransaction((session, tx) -> lockVisible(caller, id).flatMap(e -> returns.lines(tx, caller.tenant(), id).flatMap(lines -> {
            ReturnLifecycle.require(e.number, e.status, to);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Map<String, Object> details = reason == null ? Map.of() : Map.of("reason", reason);
            e.status = to;
            if (reason != null) {
                e.rejectReason = reason;
            }
            e.updatedAt = now;
            return session.flush().map(x -> e.toView(lines))
                    .call(v -> returns.event(tx, caller.tenant(), id, to.name(), caller.subject(), details, now))
                    .call(v -> orders.recordEvent(tx, caller, e.orderId, "RETURN_" + to.name(), refDetails(v, details)))
                    .call(v -> outbox.append(session, caller, "return." + to.name().toLowerCase(), "return", id, e.channelId, v));
        })));
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
            return inTransaction((session, tx) -> lockVisible(caller, id).flatMap(e -> returns.lines(tx, caller.tenant(), id).flatMap(stored -> {
                ReturnLifecycle.require(e.number, e.status, ReturnStatus.RECEIVED);
                Map<String, LineRow> bySku = new HashMap<>();
                stored.forEach(l -> bySku.put(l.sku(), l));
                List<FieldError> unknown = new ArrayList<>();
                List<FieldError> tooMany = new ArrayList<>();
                for (int i = 0; i < request.lines().size(); i++) {
                    ReceiveLineRequest l = request.lines().get(i);
                    LineRow rl = bySku.get(l.sku());
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
                // The lines as received: the request's units and disposition per SKU; the refund total is what came back.
                Map<String, ReceiveLineRequest> received = new HashMap<>();
                request.lines().forEach(l -> received.put(l.sku(), l));
                List<LineRow> lines = stored.stream().map(l -> {
                    ReceiveLineRequest in = received.get(l.sku());
                    return in == null ? l : new LineRow(l.lineNo(), l.sku(), l.quantity(), l.reason(), l.unitPrice(), in.quantity(), in.disposition());
                }).toList();
                BigDecimal refundTotal = request.lines().stream()
                        .map(l -> bySku.get(l.sku()).unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                Uni<?> moved = restock.isEmpty() ? Uni.createFrom().voidItem()
                        : stock.restock(tx, caller, request.locationCode(), "locationCode", restock, "RETURN", id, "return " + e.number);
                return moved
                        .call(x -> returns.receiveLines(tx, caller.tenant(), id, request.lines().stream().map(ReceiveLineRequest::sku).toList(),
                                request.lines().stream().map(ReceiveLineRequest::quantity).toList(),
                                request.lines().stream().map(l -> l.disposition().name()).toList()))
                        .flatMap(x -> {
                            e.status = ReturnStatus.RECEIVED;
                            e.locationCode = request.locationCode();
                            e.refundTotal = refundTotal;
                            e.updatedAt = now;
                            return session.flush().map(y -> e.toView(lines));
                        })
                        .call(v -> returns.event(tx, caller.tenant(), id, "RECEIVED", caller.subject(), details, now))
                        .call(v -> orders.recordEvent(tx, caller, e.orderId, "RETURN_RECEIVED", refDetails(v, details)))
                        .call(v -> outbox.append(session, caller, "return.received", "return", id, e.channelId, v));
            })));
        });
    }

    // ------------------------------------------------------------------ refund

    public Uni<ReturnView> refund(Caller caller, UUID id, RefundReturnRequest request) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION);
            validator.check(request);
            return inTransaction((session, tx) -> lockVisible(caller, id).flatMap(e -> returns.lines(tx, caller.tenant(), id).flatMap(stored -> {
                ReturnLifecycle.require(e.number, e.status, ReturnStatus.REFUNDED);
                List<RefundedLine> lines = stored.stream().map(l -> l.toView(e.status, e.currency)).filter(l -> l.receivedQuantity() > 0)
                        .map(l -> new RefundedLine(l.sku(), l.receivedQuantity(), l.refundAmount())).toList();
                return orders.refund(tx, caller, e.orderId, lines, request.method(), request.reference(), "RETURN", id, e.number)
                        .flatMap(outcome -> refunded(session, tx, caller, e, stored, request, outcome));
            })));
        });
    }

    private Uni<ReturnView> refunded(Mutiny.Session session, SqlClient tx, Caller caller, ReturnEntity e, List<LineRow> lines,
                                     RefundReturnRequest request, RefundOutcome outcome) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("refunded", outcome.split().refund());
        details.put("credited", outcome.split().credit());
        details.put("method", request.method());
        details.put("reference", request.reference());
        details.put("orderPaymentStatus", outcome.order().paymentStatus().name());
        e.status = ReturnStatus.REFUNDED;
        e.refundedAmount = outcome.split().refund();
        e.creditedAmount = outcome.split().credit();
        e.refundMethod = request.method();
        e.refundReference = request.reference();
        e.updatedAt = now;
        return session.flush().map(x -> e.toView(lines))
                .call(v -> returns.event(tx, caller.tenant(), e.id, "REFUNDED", caller.subject(), details, now))
                .call(v -> outbox.append(session, caller, "return.refunded", "return", e.id, e.channelId,
                        Map.of("return", v, "refunded", outcome.split().refund(), "credited", outcome.split().credit(),
                                "order", Map.of("id", outcome.order().id(), "refundedTotal", outcome.order().refundedTotal(),
                                        "creditedTotal", outcome.order().creditedTotal(), "outstanding", outcome.order().outstanding(),
                                        "paymentStatus", outcome.order().paymentStatus().name()))));
    }

    // ------------------------------------------------------------------ reads

    public Uni<ReturnView> get(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            return returns.find(db.pool(), caller.tenant(), id).map(found -> found.filter(r -> visible(caller, r))
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

    /** The header locked for the change; one the caller may not see is 404 as an absent one. */
    private Uni<ReturnEntity> lockVisible(Caller caller, UUID id) {
        return returns.lockEntity(caller.tenant(), id).map(e -> {
            if (e == null || (caller.isPartnerOnly() && !e.channelId.equals(caller.partnerChannelId()))) {
                throw ApiException.notFound("return", id);
            }
            return e;
        });
    }

    /**
     * One Hibernate Reactive transaction for a return write: the session for the header entity, the outbox event and the
     * idempotency answer, and the session's own connection for the statements the entity cannot express (the return's
     * lines and timeline, other features' order, stock and refund statements), so all of them commit or roll back together.
     */
    private <T> Uni<T> inTransaction(BiFunction<Mutiny.Session, SqlConnection, Uni<T>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> SessionConnection.of(session).flatMap(tx -> work.apply(session, tx))));
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
