package dev.channelhub.order;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.inventory.StockLine;
import dev.channelhub.inventory.StockService;
import dev.channelhub.order.OrderRepository.Event;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Moving an order along its lifecycle: confirm, cancel (releases stock, runs every {@link OrderCancelledHook}), ship
 * and deliver. Each locks the order row first, asks {@link OrderLifecycle} what may happen, and writes the change with its
 * timeline event and outbox event.
 */
@ApplicationScoped
public class OrderFulfilmentService {

    private final OrderRepository orders;
    private final OrderAccess access;
    private final StockService stock;
    private final Db db;
    private final IdempotencyService idempotency;
    private final RequestValidator validator;
    private final EventOutbox outbox;
    private final Instance<OrderCancelledHook> cancelHooks;

    public OrderFulfilmentService(OrderRepository orders, OrderAccess access, StockService stock, Db db, IdempotencyService idempotency,
                                  RequestValidator validator, EventOutbox outbox, @Any Instance<OrderCancelledHook> cancelHooks) {
        this.orders = orders;
        this.access = access;
        this.stock = stock;
        this.db = db;
        this.idempotency = idempotency;
        this.validator = validator;
        this.outbox = outbox;
        this.cancelHooks = cancelHooks;
    }

    public Uni<OrderView> confirm(Caller caller, UUID id, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            if (caller.isPartnerOnly()) {
                return access.partnerMayNot(caller, id);
            }
            caller.require(Role.SALES, Role.INTEGRATION);
            return db.inTransaction(tx -> access.lockVisible(tx, caller, id, expectedVersion).flatMap(o -> {
                if (!OrderLifecycle.canConfirm(o.status())) {
                    throw OrderAccess.invalidTransition(o, "confirmed");
                }
                return orders.update(tx, caller.tenant(), id, OrderStatus.CONFIRMED, o.paymentStatus(), BigDecimal.ZERO, null, OrderAccess.now(),
                                caller.subject(), List.of(new Event("CONFIRMED", Map.of())))
                        .call(u -> outbox.append(tx, caller, "order.confirmed", "order", id, UUID.fromString(u.channelId()), OrderAccess.summary(u)))
                        .flatMap(u -> access.complete(tx, caller.tenant(), u));
            }));
        });
    }

    public Uni<OrderView> cancel(Caller caller, UUID id, CancelOrderRequest request, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.SALES, Role.INTEGRATION, Role.PARTNER);
            validator.check(request);
            return db.inTransaction(tx -> access.lockVisible(tx, caller, id, expectedVersion).flatMap(o -> {
                if (!OrderLifecycle.canCancel(o.status())) {
                    throw OrderAccess.invalidTransition(o, "cancelled");
                }
                return stock.releaseAll(tx, caller.tenant(), caller.subject(), id, "order " + o.number() + " cancelled")
                        .flatMap(released -> orders.update(tx, caller.tenant(), id, OrderStatus.CANCELLED, o.paymentStatus(), BigDecimal.ZERO,
                                request.reason(), OrderAccess.now(), caller.subject(), List.of(new Event("CANCELLED", Map.of("reason", request.reason())),
                                        new Event("RELEASED", Map.of("reservations", released)))))
                        .call(u -> outbox.append(tx, caller, "order.cancelled", "order", id, UUID.fromString(u.channelId()),
                                Map.of("order", OrderAccess.summary(u), "reason", request.reason())))
                        .call(u -> runCancelHooks(tx, caller, u))
                        .flatMap(u -> access.complete(tx, caller.tenant(), u));
            }));
        });
    }

    public Uni<Outcome<ShipmentView>> ship(Caller caller, UUID id, ShipmentRequest request, String idempotencyKey, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            if (caller.isPartnerOnly()) {
                return access.partnerMayNot(caller, id);
            }
            caller.require(Role.SALES, Role.INTEGRATION);
            validator.check(request);
            List<StockLine> lines = OrderAccess.distinctLines(request.lines());
            return idempotency.run(caller, idempotencyKey, "POST /orders/" + id + "/shipments", request, ShipmentView.class,
                    () -> db.inTransaction(tx -> access.lockVisible(tx, caller, id, expectedVersion).flatMap(o -> {
                        if (!OrderLifecycle.canShip(o.status())) {
                            throw OrderAccess.invalidTransition(o, "shipped (it must be CONFIRMED or PARTIALLY_SHIPPED)");
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
        Instant now = OrderAccess.now();
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
                                    Map.of("order", OrderAccess.summary(u), "shipment", details)))
                            .map(u -> new ShipmentView(shipmentId.toString(), o.id(), "SHIPPED", request.carrier(), request.trackingNo(),
                                    shipped, now, null, u.status()));
                });
    }

    /** Confirms a shipment's delivery: sales, integrations, and the partner whose channel placed the order (others 404). */
    public Uni<OrderView> deliver(Caller caller, UUID id, UUID shipmentId, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.SALES, Role.INTEGRATION, Role.PARTNER);
            return db.inTransaction(tx -> access.lockVisible(tx, caller, id, expectedVersion).flatMap(o -> {
                if (o.status() != OrderStatus.PARTIALLY_SHIPPED && o.status() != OrderStatus.SHIPPED) {
                    throw OrderAccess.invalidTransition(o, "delivered");
                }
                Instant now = OrderAccess.now();
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
                                        Map.of("order", OrderAccess.summary(u), "shipmentId", shipmentId.toString())))
                                .call(u -> u.status() == OrderStatus.COMPLETED
                                        ? outbox.append(tx, caller, "order.completed", "order", id, UUID.fromString(u.channelId()), OrderAccess.summary(u))
                                        : Uni.createFrom().voidItem())
                                .flatMap(u -> access.complete(tx, caller.tenant(), u));
                    });
                });
            }));
        });
    }

    private Uni<Void> runCancelHooks(SqlClient tx, Caller caller, OrderView view) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrderCancelledHook hook : cancelHooks) {
            chain = chain.flatMap(x -> hook.onCancelled(tx, caller, view.uuid(), UUID.fromString(view.channelId())));
        }
        return chain;
    }
}
