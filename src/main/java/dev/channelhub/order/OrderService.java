package dev.channelhub.order;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelStatus;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.customer.CustomerService;
import dev.channelhub.customer.CustomerStatus;
import dev.channelhub.customer.CustomerView;
import dev.channelhub.customer.IdentifyRequest;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.inventory.HoldService;
import dev.channelhub.inventory.ReservationView;
import dev.channelhub.inventory.StockLine;
import dev.channelhub.inventory.StockRepository;
import dev.channelhub.inventory.StockService;
import dev.channelhub.order.OrderRepository.Event;
import dev.channelhub.pricing.PriceService;
import dev.channelhub.pricing.QuoteLineRequest;
import dev.channelhub.pricing.QuoteLineView;
import dev.channelhub.pricing.QuoteRequest;
import dev.channelhub.pricing.QuoteView;
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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
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
import java.util.function.BiFunction;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Order use cases. Placement runs in one transaction: channel (locked for partners with a credit limit),
 * customer (identify), hold, prices (locked on the lines), credit, stock reservation, the order rows,
 * the outbox event and every {@link OrderPlacedHook}. Every later write locks the order row first, asks
 * {@link OrderLifecycle} what may happen, and writes the change with its timeline event.
 */
@ApplicationScoped
public class OrderService {

    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Inject
    OrderRepository orders;

    @Inject
    StockService stock;

    @Inject
    HoldService holds;

    @Inject
    ChannelService channels;

    @Inject
    CustomerService customers;

    @Inject
    PriceService prices;

    @Inject
    Db db;

    @Inject
    ChannelCredit credit;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    @Inject
    EventOutbox outbox;

    @Inject
    @Any
    Instance<OrderPlacedHook> hooks;

    @Inject
    @Any
    Instance<OrderCancelledHook> cancelHooks;

    @Inject
    @Any
    Instance<OrderReturnsLookup> returnLookups;

    @ConfigProperty(name = "channelhub.orders.payment-term-days", defaultValue = "30")
    int paymentTermDays;

    // ------------------------------------------------------------------ placement

    public Uni<Outcome<OrderView>> place(Caller caller, PlaceOrderRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.SALES, Role.INTEGRATION, Role.PARTNER);
            validator.check(request);
            UUID channelId = Ids.parse(request.channelId(), "channelId");
            if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
                throw ApiException.forbidden("a partner places orders only for its own channel");
            }
            if (request.customerId() != null && request.customer() != null) {
                throw ApiException.invalid("customer", "give customerId or customer, not both");
            }
            UUID customerId = Ids.parseNullable(request.customerId(), "customerId");
            UUID holdId = Ids.parseNullable(request.holdId(), "holdId");
            String currency = request.currency() == null ? null : Money.currency(request.currency(), "currency");
            List<StockLine> lines = distinctLines(request.lines());
            String tenant = caller.tenant();
            // The answer is stored in the order's own transaction (completion), so order and answer commit together.
            return idempotency.runRecording(caller, idempotencyKey, "POST /orders", request, OrderView.class, completion -> {
                BiFunction<String, Boolean, Uni<Outcome<OrderView>>> placeTx = (number, planned) -> db.inTransaction(tx ->
                        placeIn(tx, caller, request, channelId, customerId, holdId, currency, lines, number, idempotencyKey, planned)
                                .flatMap(view -> completion.record(tx, Outcome.created(view))));
                return nextNumber(tenant)
                        // First with the cheaper planned reservation; if stock moved under it, again with every row locked.
                        .flatMap(number -> placeTx.apply(number, true)
                                .onFailure(StockRepository.Replan.class).recoverWithUni(() -> placeTx.apply(number, false)))
                        .onFailure(OrderService::isIdempotencyDuplicate)
                        .recoverWithUni(() -> orders.findByIdempotencyKey(db.pool(), tenant, IdempotencyService.scopeOf(caller), idempotencyKey)
                                .flatMap(found -> complete(db.pool(), tenant, found.orElseThrow()))
                                .map(Outcome::created));
            });
        });
    }

    private Uni<String> nextNumber(String tenant) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        return orders.nextNumber(tenant, day).map(n -> String.format("SO-%s-%06d", day.format(NUMBER_DAY), n));
    }

    private Uni<OrderView> placeIn(SqlClient tx, Caller caller, PlaceOrderRequest request, UUID channelId, UUID customerId, UUID holdId,
                                   String currency, List<StockLine> lines, String number, String idempotencyKey,
                                   boolean plannedReservation) {
        String tenant = caller.tenant();
        UUID orderId = Ids.newId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Event> events = new ArrayList<>();
        return orderingChannel(tx, tenant, channelId)
                .invoke(channel -> ChannelCredit.requireOwnCurrency(channel, currency))
                .flatMap(channel -> resolveCustomer(tx, caller, request, channelId, customerId)
                        .flatMap(customer -> {
                            Uni<Void> hold = holdId == null ? Uni.createFrom().voidItem()
                                    : holds.consume(tx, tenant, caller.subject(), holdId, channelId, orderId)
                                    .invoke(() -> events.add(new Event("HOLD_CONSUMED", Map.of("holdId", holdId.toString()))));
                            return hold.flatMap(x -> prices.quote(tx, caller, new QuoteRequest(channelId.toString(),
                                            customer == null ? null : customer.toString(), currency, null,
                                            lines.stream().map(l -> new QuoteLineRequest(l.sku(), (int) l.quantity())).toList())))
                                    .flatMap(quote -> checkCredit(tx, tenant, channel, quote).replaceWith(quote))
                                    .flatMap(quote -> (plannedReservation
                                            ? stock.reservePlanned(tx, tenant, caller.subject(), channelId, StockService.OWNER_ORDER,
                                            orderId, lines, "lines")
                                            : stock.reserve(tx, tenant, caller.subject(), channelId, StockService.OWNER_ORDER, orderId,
                                            lines, "lines"))
                                            .map(reserved -> placedView(orderId, number, channelId, customer, quote, reserved, request,
                                                    holdId, now)))
                                    .call(view -> {
                                        events.add(0, new Event("PLACED", Map.of("number", number, "total", view.total(),
                                                "currency", view.currency(), "lines", view.lines())));
                                        events.add(new Event("RESERVED", Map.of("reservations", view.reservations())));
                                        return orders.insert(tx, tenant, view, customer, IdempotencyService.scopeOf(caller), idempotencyKey,
                                                caller.subject(), events);
                                    })
                                    .call(view -> outbox.append(tx, caller, "order.placed", "order", orderId, channelId, view))
                                    .call(view -> runHooks(tx, caller, view));
                        }));
    }

    /** The channel, if it exists and is ACTIVE; partner channels with a credit limit are locked for the credit check. */
    private Uni<ChannelView> orderingChannel(SqlClient tx, String tenant, UUID channelId) {
        return channels.find(tx, tenant, channelId).flatMap(found -> {
            ChannelView ch = found.orElseThrow(() -> ApiException.invalid("channelId", "no such channel"));
            Uni<ChannelView> current = ch.type().isPartner() && ch.creditLimit() != null
                    ? channels.lockForUpdate(tx, tenant, channelId) : Uni.createFrom().item(ch);
            return current.map(c -> {
                if (c.status() != ChannelStatus.ACTIVE) {
                    throw new ApiException(ErrorCode.INVALID_TRANSITION,
                            "channel " + c.code() + " is " + c.status() + "; only ACTIVE channels can order");
                }
                return c;
            });
        });
    }

    private Uni<UUID> resolveCustomer(SqlClient tx, Caller caller, PlaceOrderRequest request, UUID channelId, UUID customerId) {
        if (request.customer() != null) {
            return customers.identify(tx, caller, new IdentifyRequest(channelId.toString(), request.customer().name(), null, null,
                            request.customer().identities()))
                    .onFailure(ApiException.class).transform(e -> prefixFields((ApiException) e, "customer."))
                    .map(result -> result.customer().uuid());
        }
        if (customerId == null) {
            return Uni.createFrom().nullItem();
        }
        Uni<java.util.Optional<CustomerView>> found = caller.isPartnerOnly()
                ? customers.get(caller, customerId).map(java.util.Optional::of)
                .onFailure(e -> e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND).recoverWithItem(java.util.Optional.empty())
                : customers.find(tx, caller.tenant(), customerId);
        return found.map(c -> {
            CustomerView view = c.orElseThrow(() -> ApiException.invalid("customerId", "no such customer"));
            // An order for a merged customer goes to the customer it was merged into.
            return view.status() == CustomerStatus.MERGED && view.mergedInto() != null ? UUID.fromString(view.mergedInto()) : view.uuid();
        });
    }

    private static ApiException prefixFields(ApiException e, String prefix) {
        if (e.errors().isEmpty()) {
            return e;
        }
        return new ApiException(e.code(), e.getMessage(), e.errors().stream()
                .map(f -> new FieldError(prefix + f.field(), f.message())).toList());
    }

    private Uni<Void> checkCredit(SqlClient tx, String tenant, ChannelView channel, QuoteView quote) {
        return credit.check(tx, tenant, channel, quote.total(), "this order");
    }

    private static OrderView placedView(UUID id, String number, UUID channelId, UUID customerId, QuoteView quote, List<ReservationView> reserved,
                                        PlaceOrderRequest request, UUID holdId, Instant now) {
        String cur = quote.currency();
        List<OrderLineView> lines = new ArrayList<>();
        for (QuoteLineView q : quote.lines()) {
            lines.add(new OrderLineView(q.sku(), q.quantity(), Money.round(q.listPrice(), cur), Money.round(q.unitPrice(), cur),
                    Money.round(q.lineTotal(), cur), q.priceListCode(), q.promotionCode(), q.floorApplied(), 0, 0));
        }
        BigDecimal total = Money.round(quote.total(), cur);
        BigDecimal zero = Money.round(BigDecimal.ZERO, cur);
        return new OrderView(id.toString(), number, channelId.toString(), customerId == null ? null : customerId.toString(),
                OrderStatus.SUBMITTED, OrderLifecycle.paymentStatus(total, BigDecimal.ZERO), lines, total, zero, total, zero, zero, total, cur, reserved,
                request.shippingAddress(), request.note(), request.externalRef(), holdId == null ? null : holdId.toString(), null, 1, now, now,
                List.of());
    }

    private Uni<Void> runHooks(SqlClient tx, Caller caller, OrderView view) {
        OrderPlacedHook.PlacedOrder placed = new OrderPlacedHook.PlacedOrder(view.uuid(), view.number(), UUID.fromString(view.channelId()),
                view.customerId() == null ? null : UUID.fromString(view.customerId()), view.total(), view.currency());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrderPlacedHook hook : hooks) {
            chain = chain.flatMap(x -> hook.onPlaced(tx, caller, placed));
        }
        return chain;
    }

    private Uni<Void> runCancelHooks(SqlClient tx, Caller caller, OrderView view) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrderCancelledHook hook : cancelHooks) {
            chain = chain.flatMap(x -> hook.onCancelled(tx, caller, view.uuid(), UUID.fromString(view.channelId())));
        }
        return chain;
    }

    private static boolean isIdempotencyDuplicate(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())
                    && "sales_order_idempotency_unique".equals(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ reads

    public Uni<OrderView> get(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            return visible(caller, db.pool(), id).flatMap(o -> complete(db.pool(), caller.tenant(), o));
        });
    }

    /** A page of orders; {@code withDetails} also loads lines and reservations (REST), GraphQL batches them per field. */
    public Uni<Page<OrderView>> list(Caller caller, OrderRepository.Filter filter, PageRequest page, boolean withDetails) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            UUID scope = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
            return orders.list(db.pool(), caller.tenant(), scope, filter, page.afterId(), page.fetchSize())
                    .map(rows -> Page.of(rows, page, OrderView::id))
                    .flatMap(p -> withDetails ? completeAll(db.pool(), caller.tenant(), p.items()).map(items -> new Page<>(items, p.nextCursor()))
                            : Uni.createFrom().item(p));
        });
    }

    public Uni<Page<TimelineEntryView>> timeline(Caller caller, UUID id, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            Long after = seqCursor(page);
            return visible(caller, db.pool(), id)
                    .flatMap(o -> orders.timeline(db.pool(), caller.tenant(), id, after, page.fetchSize()))
                    .map(rows -> Page.of(rows, page, TimelineEntryView::id));
        });
    }

    /** Batched reads for GraphQL fields: one statement each, results in the order of {@code orderIds}. */
    public Uni<List<List<OrderLineView>>> linesOf(Caller caller, List<OrderView> list) {
        if (list.stream().allMatch(o -> o.lines() != null)) {
            return Uni.createFrom().item(list.stream().map(OrderView::lines).toList());
        }
        List<UUID> ids = list.stream().map(OrderView::uuid).distinct().toList();
        return orders.lines(db.pool(), caller.tenant(), ids)
                .map(m -> list.stream().map(o -> m.getOrDefault(o.uuid(), List.of())).toList());
    }

    public Uni<List<List<ReservationView>>> reservationsOf(Caller caller, List<OrderView> list) {
        List<UUID> ids = list.stream().map(OrderView::uuid).distinct().toList();
        return stock.reservationsOf(db.pool(), caller.tenant(), ids)
                .map(m -> list.stream().map(o -> m.getOrDefault(o.uuid(), List.of())).toList());
    }

    public Uni<List<List<ShipmentView>>> shipmentsOf(Caller caller, List<OrderView> list) {
        List<UUID> ids = list.stream().map(OrderView::uuid).distinct().toList();
        Map<UUID, OrderStatus> statuses = new HashMap<>();
        list.forEach(o -> statuses.put(o.uuid(), o.status()));
        return orders.shipments(db.pool(), caller.tenant(), ids, statuses)
                .map(m -> list.stream().map(o -> m.getOrDefault(o.uuid(), List.of())).toList());
    }

    public Uni<List<List<PaymentView>>> paymentsOf(Caller caller, List<OrderView> list) {
        List<UUID> ids = list.stream().map(OrderView::uuid).distinct().toList();
        return orders.payments(db.pool(), caller.tenant(), ids)
                .map(m -> list.stream().map(o -> m.getOrDefault(o.uuid(), List.of())).toList());
    }

    /** Orders of each customer, newest first (for Customer.orders); one statement for all customers. */
    public Uni<List<Page<OrderView>>> ofCustomers(Caller caller, List<UUID> customerIds, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            UUID scope = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
            return orders.byCustomers(db.pool(), caller.tenant(), scope, customerIds.stream().distinct().toList(), page.afterId(),
                            page.fetchSize())
                    .map(m -> customerIds.stream().map(c -> Page.of(m.getOrDefault(c, List.of()), page, OrderView::id)).toList());
        });
    }

    public Uni<ReceivablesView> receivables(Caller caller, UUID channelId) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
                throw ApiException.notFound("channel", channelId);
            }
            return channels.find(db.pool(), caller.tenant(), channelId)
                    .map(found -> found.orElseThrow(() -> ApiException.notFound("channel", channelId)))
                    .flatMap(ch -> orders.receivableBuckets(db.pool(), caller.tenant(), channelId, paymentTermDays)
                            .flatMap(rows -> orders.exposure(db.pool(), caller.tenant(), channelId, ch.currency())
                                    .map(exposure -> receivablesView(ch, rows, exposure))));
        });
    }

    private ReceivablesView receivablesView(ChannelView ch, List<Row> rows, OrderRepository.Exposure exposure) {
        String cur = ch.currency();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (String label : List.of("CURRENT", "1-30", "31-60", "61-90", "90+")) {
            counts.put(label, new long[1]);
            amounts.put(label, BigDecimal.ZERO);
        }
        for (Row r : rows) {
            if (!cur.equals(r.getString("currency"))) {
                continue;
            }
            String label = r.getString("bucket");
            counts.get(label)[0] += r.getLong("orders");
            amounts.merge(label, r.getBigDecimal("amount"), BigDecimal::add);
        }
        BigDecimal outstanding = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal overdue = outstanding.subtract(amounts.get("CURRENT"));
        long open = counts.values().stream().mapToLong(c -> c[0]).sum();
        List<ReceivablesView.Bucket> buckets = counts.keySet().stream()
                .map(l -> new ReceivablesView.Bucket(l, counts.get(l)[0], Money.round(amounts.get(l), cur))).toList();
        BigDecimal limit = ch.creditLimit();
        List<String> others = exposure.otherCurrencies() == null ? List.of() : List.of(exposure.otherCurrencies().split(","));
        BigDecimal available = limit == null ? null : others.isEmpty() ? limit.subtract(outstanding).subtract(exposure.held())
                : BigDecimal.ZERO;
        return new ReceivablesView(ch.id(), cur, limit, available == null ? null : Money.round(available, cur),
                Money.round(outstanding, cur), Money.round(overdue, cur), open, paymentTermDays, buckets,
                Money.round(exposure.held(), cur), others);
    }

    // ------------------------------------------------------------------ lifecycle

    public Uni<OrderView> confirm(Caller caller, UUID id, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            if (caller.isPartnerOnly()) {
                return partnerMayNot(caller, id);
            }
            caller.require(Role.SALES, Role.INTEGRATION);
            return db.inTransaction(tx -> lockVisible(tx, caller, id, expectedVersion).flatMap(o -> {
                if (!OrderLifecycle.canConfirm(o.status())) {
                    throw invalidTransition(o, "confirmed");
                }
                return orders.update(tx, caller.tenant(), id, OrderStatus.CONFIRMED, o.paymentStatus(), BigDecimal.ZERO, null, now(),
                                caller.subject(), List.of(new Event("CONFIRMED", Map.of())))
                        .call(u -> outbox.append(tx, caller, "order.confirmed", "order", id, UUID.fromString(u.channelId()), summary(u)))
                        .flatMap(u -> complete(tx, caller.tenant(), u));
            }));
        });
    }

    public Uni<OrderView> cancel(Caller caller, UUID id, CancelOrderRequest request, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.SALES, Role.INTEGRATION, Role.PARTNER);
            validator.check(request);
            return db.inTransaction(tx -> lockVisible(tx, caller, id, expectedVersion).flatMap(o -> {
                if (!OrderLifecycle.canCancel(o.status())) {
                    throw invalidTransition(o, "cancelled");
                }
                return stock.releaseAll(tx, caller.tenant(), caller.subject(), id, "order " + o.number() + " cancelled")
                        .flatMap(released -> orders.update(tx, caller.tenant(), id, OrderStatus.CANCELLED, o.paymentStatus(), BigDecimal.ZERO,
                                request.reason(), now(), caller.subject(), List.of(new Event("CANCELLED", Map.of("reason", request.reason())),
                                        new Event("RELEASED", Map.of("reservations", released)))))
                        .call(u -> outbox.append(tx, caller, "order.cancelled", "order", id, UUID.fromString(u.channelId()),
                                Map.of("order", summary(u), "reason", request.reason())))
                        .call(u -> runCancelHooks(tx, caller, u))
                        .flatMap(u -> complete(tx, caller.tenant(), u));
            }));
        });
    }

    public Uni<Outcome<ShipmentView>> ship(Caller caller, UUID id, ShipmentRequest request, String idempotencyKey, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            if (caller.isPartnerOnly()) {
                return partnerMayNot(caller, id);
            }
            caller.require(Role.SALES, Role.INTEGRATION);
            validator.check(request);
            List<StockLine> lines = distinctLines(request.lines());
            return idempotency.run(caller, idempotencyKey, "POST /orders/" + id + "/shipments", request, ShipmentView.class,
                    () -> db.inTransaction(tx -> lockVisible(tx, caller, id, expectedVersion).flatMap(o -> {
                        if (!OrderLifecycle.canShip(o.status())) {
                            throw invalidTransition(o, "shipped (it must be CONFIRMED or PARTIALLY_SHIPPED)");
                        }
                        return orders.lines(tx, caller.tenant(), List.of(id)).map(m -> m.getOrDefault(id, List.of()))
                                .flatMap(orderLines -> shipIn(tx, caller, o, orderLines, lines, request));
                    })).map(Outcome::created));
        });
    }

    private Uni<ShipmentView> shipIn(SqlClient tx, Caller caller, OrderView o, List<OrderLineView> orderLines, List<StockLine> lines,
                                     ShipmentRequest request) {
        Map<String, OrderLineView> bySku = orderLines.stream().collect(Collectors.toMap(OrderLineView::sku, l -> l));
        List<FieldError> notOnOrder = new ArrayList<>();
        List<FieldError> tooMany = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            StockLine l = lines.get(i);
            OrderLineView ol = bySku.get(l.sku());
            if (ol == null) {
                notOnOrder.add(new FieldError("lines[" + i + "].sku", l.sku() + " is not on this order"));
            } else if (l.quantity() > ol.quantity() - ol.shippedQuantity()) {
                tooMany.add(new FieldError("lines[" + i + "].quantity", l.sku() + ": " + (ol.quantity() - ol.shippedQuantity())
                        + " left to ship, " + l.quantity() + " asked"));
            }
        }
        if (!notOnOrder.isEmpty()) {
            throw ApiException.invalid(notOnOrder);
        }
        if (!tooMany.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "more than ordered minus shipped: "
                    + tooMany.stream().map(FieldError::message).collect(Collectors.joining("; ")), tooMany);
        }
        UUID shipmentId = Ids.newId();
        Instant now = now();
        return stock.ship(tx, caller.tenant(), caller.subject(), o.uuid(), lines, "order " + o.number() + " shipment " + shipmentId)
                .flatMap(taken -> {
                    Map<String, Long> bySkuTaken = new HashMap<>();
                    taken.forEach(t -> bySkuTaken.merge(t.sku(), t.quantity(), Long::sum));
                    for (StockLine l : lines) {
                        if (bySkuTaken.getOrDefault(l.sku(), 0L) != l.quantity()) {
                            throw new ApiException(ErrorCode.INVALID_TRANSITION, l.sku() + ": only " + bySkuTaken.getOrDefault(l.sku(), 0L)
                                    + " reserved for this order, " + l.quantity() + " asked");
                        }
                    }
                    List<ShipmentLineView> shipped = taken.stream()
                            .map(t -> new ShipmentLineView(t.sku(), (int) t.quantity(), t.locationCode())).toList();
                    long ordered = orderLines.stream().mapToLong(OrderLineView::quantity).sum();
                    long shippedTotal = orderLines.stream().mapToLong(OrderLineView::shippedQuantity).sum()
                            + lines.stream().mapToLong(StockLine::quantity).sum();
                    OrderStatus next = OrderLifecycle.afterShipment(o.status(), ordered, shippedTotal);
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("shipmentId", shipmentId.toString());
                    details.put("lines", shipped);
                    details.put("carrier", request.carrier());
                    details.put("trackingNo", request.trackingNo());
                    return orders.insertShipment(tx, caller.tenant(), o.uuid(), shipmentId, request.carrier(), request.trackingNo(),
                                    caller.subject(), now, shipped)
                            .flatMap(x -> orders.update(tx, caller.tenant(), o.uuid(), next, o.paymentStatus(), BigDecimal.ZERO, null, now,
                                    caller.subject(), List.of(new Event("SHIPPED", details))))
                            .call(u -> outbox.append(tx, caller, "order.shipped", "order", o.uuid(), UUID.fromString(o.channelId()),
                                    Map.of("order", summary(u), "shipment", details)))
                            .map(u -> new ShipmentView(shipmentId.toString(), o.id(), "SHIPPED", request.carrier(), request.trackingNo(),
                                    shipped, now, null, u.status()));
                });
    }

    public Uni<OrderView> deliver(Caller caller, UUID id, UUID shipmentId, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            if (caller.isPartnerOnly()) {
                return partnerMayNot(caller, id);
            }
            caller.require(Role.SALES, Role.INTEGRATION);
            return db.inTransaction(tx -> lockVisible(tx, caller, id, expectedVersion).flatMap(o -> {
                if (o.status() != OrderStatus.PARTIALLY_SHIPPED && o.status() != OrderStatus.SHIPPED) {
                    throw invalidTransition(o, "delivered");
                }
                Instant now = now();
                return orders.deliverShipment(tx, caller.tenant(), id, shipmentId, now).flatMap(delivered -> {
                    if (!delivered) {
                        return orders.shipmentStatus(tx, caller.tenant(), id, shipmentId).map(status -> {
                            if (status.isEmpty()) {
                                throw ApiException.notFound("shipment", shipmentId);
                            }
                            throw new ApiException(ErrorCode.INVALID_TRANSITION, "shipment " + shipmentId + " is already " + status.get());
                        });
                    }
                    return orders.lines(tx, caller.tenant(), List.of(id)).map(m -> m.getOrDefault(id, List.of())).flatMap(lines -> {
                        boolean all = lines.stream().allMatch(l -> l.deliveredQuantity() == l.quantity());
                        OrderStatus next = OrderLifecycle.afterDelivery(o.status(), all, o.paymentStatus());
                        List<Event> events = new ArrayList<>();
                        events.add(new Event("SHIPMENT_DELIVERED", Map.of("shipmentId", shipmentId.toString())));
                        if (next == OrderStatus.DELIVERED || next == OrderStatus.COMPLETED) {
                            events.add(new Event("DELIVERED", Map.of()));
                        }
                        if (next == OrderStatus.COMPLETED) {
                            events.add(new Event("COMPLETED", Map.of()));
                        }
                        return orders.update(tx, caller.tenant(), id, next, o.paymentStatus(), BigDecimal.ZERO, null, now, caller.subject(), events)
                                .call(u -> outbox.append(tx, caller, "order.delivered", "order", id, UUID.fromString(u.channelId()),
                                        Map.of("order", summary(u), "shipmentId", shipmentId.toString())))
                                .call(u -> u.status() == OrderStatus.COMPLETED
                                        ? outbox.append(tx, caller, "order.completed", "order", id, UUID.fromString(u.channelId()), summary(u))
                                        : Uni.createFrom().voidItem())
                                .flatMap(u -> complete(tx, caller.tenant(), u));
                    });
                });
            }));
        });
    }

    public Uni<Outcome<PaymentView>> pay(Caller caller, UUID id, PaymentRequest request, String idempotencyKey, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            if (caller.isPartnerOnly()) {
                return partnerMayNot(caller, id);
            }
            caller.require(Role.SALES, Role.INTEGRATION);
            validator.check(request);
            return idempotency.run(caller, idempotencyKey, "POST /orders/" + id + "/payments", request, PaymentView.class,
                    () -> db.inTransaction(tx -> lockVisible(tx, caller, id, expectedVersion).flatMap(o -> {
                        if (!OrderLifecycle.canPay(o.status())) {
                            throw invalidTransition(o, "paid");
                        }
                        String cur = o.currency();
                        if (request.amount().stripTrailingZeros().scale() > Money.scale(cur)) {
                            throw ApiException.invalid("amount", "has more decimals than " + cur + " allows");
                        }
                        BigDecimal amount = Money.round(request.amount(), cur);
                        if (amount.compareTo(o.outstanding()) > 0) {
                            throw new ApiException(ErrorCode.OVERPAYMENT, "payment " + amount + " is more than the outstanding " + o.outstanding()
                                    + " " + cur, List.of(new FieldError("amount", "at most " + o.outstanding())));
                        }
                        BigDecimal paid = o.paidAmount().add(amount);
                        // After returns the order is measured against its net total, with refunds taken off what was paid.
                        PaymentStatus payment = OrderLifecycle.paymentStatus(o.netTotal(), paid.subtract(o.refundedTotal()));
                        OrderStatus next = OrderLifecycle.settle(o.status(), payment);
                        UUID paymentId = Ids.newId();
                        Instant now = now();
                        Instant received = request.receivedAt() == null ? now : request.receivedAt().truncatedTo(ChronoUnit.MICROS);
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("paymentId", paymentId.toString());
                        details.put("amount", amount);
                        details.put("method", request.method());
                        details.put("reference", request.reference());
                        details.put("paymentStatus", payment.name());
                        List<Event> events = new ArrayList<>(List.of(new Event("PAID", details)));
                        if (next == OrderStatus.COMPLETED) {
                            events.add(new Event("COMPLETED", Map.of()));
                        }
                        return orders.insertPayment(tx, caller.tenant(), id, paymentId, request, received, caller.subject(), now)
                                .flatMap(x -> orders.update(tx, caller.tenant(), id, next, payment, amount, null, now, caller.subject(), events))
                                .call(u -> outbox.append(tx, caller, "order.paid", "order", id, UUID.fromString(u.channelId()),
                                        Map.of("order", summary(u), "payment", details)))
                                .call(u -> u.status() == OrderStatus.COMPLETED
                                        ? outbox.append(tx, caller, "order.completed", "order", id, UUID.fromString(u.channelId()), summary(u))
                                        : Uni.createFrom().voidItem())
                                .map(u -> new PaymentView(paymentId.toString(), id.toString(), amount, cur, request.method(),
                                        request.reference(), received, now, u.paymentStatus(), u.status(), u.outstanding()));
                    })).map(Outcome::created));
        });
    }

    // ------------------------------------------------------------------ helpers

    private static void requireReader(Caller caller) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
    }

    /** Staff-only actions: another channel's order is NOT_FOUND to a partner (contract §3), its own is FORBIDDEN. */
    private <T> Uni<T> partnerMayNot(Caller caller, UUID id) {
        return visible(caller, db.pool(), id).flatMap(o -> Uni.createFrom().failure(ApiException.forbidden("a partner may not do this")));
    }

    private Uni<OrderView> visible(Caller caller, SqlClient client, UUID id) {
        return orders.find(client, caller.tenant(), id).map(found -> found
                .filter(o -> !caller.isPartnerOnly() || o.channelId().equals(caller.partnerChannelId().toString()))
                .orElseThrow(() -> ApiException.notFound("order", id)));
    }

    private Uni<OrderView> lockVisible(SqlClient tx, Caller caller, UUID id, Integer expectedVersion) {
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

    private static ApiException invalidTransition(OrderView o, String what) {
        return new ApiException(ErrorCode.INVALID_TRANSITION, "order " + o.number() + " is " + o.status() + " and cannot be " + what);
    }

    private static Map<String, Object> summary(OrderView o) {
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

    private static Instant now() {
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
