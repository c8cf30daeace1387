package dev.channelhub.order;

import dev.channelhub.order.OrderRepository.Event;
import dev.channelhub.order.OrderRepository.RefundLine;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What after-sales needs from orders, inside after-sales' own transactions: the order locked with its lines and the
 * start of its return window, refunds (the money rule is {@link RefundSplit}), and timeline rows. Partners reach only
 * their own channel's orders.
 */
@ApplicationScoped
public class OrderAfterSales {

    private final OrderRepository orders;
    private final OrderAccess access;
    private final Db db;
    private final Instance<OrderRefundedHook> refundHooks;

    public OrderAfterSales(OrderRepository orders, OrderAccess access, Db db, @Any Instance<OrderRefundedHook> refundHooks) {
        this.orders = orders;
        this.access = access;
        this.db = db;
        this.refundHooks = refundHooks;
    }

    /** An order locked for a return, with its lines; {@code windowStart} is null while nothing has shipped. */
    public record ReturnableOrder(OrderView order, Instant windowStart) {
    }

    /**
     * Locks the order row (so returns of one order serialise) and loads its lines and return-window start. An order
     * the caller cannot see is a bad reference in the body: 400 on {@code field}, as for any other body reference.
     */
    public Uni<ReturnableOrder> lockForReturn(SqlClient tx, Caller caller, UUID orderId, String field) {
        return orders.lock(tx, caller.tenant(), orderId)
                .map(found -> found.filter(o -> visibleTo(caller, o))
                        .orElseThrow(() -> ApiException.invalid(field, "no such order")))
                .flatMap(o -> orders.lines(tx, caller.tenant(), List.of(orderId))
                        .map(m -> o.with(m.getOrDefault(orderId, List.of()), List.of())))
                .flatMap(o -> orders.returnWindowStart(tx, caller.tenant(), orderId).map(start -> new ReturnableOrder(o, start.orElse(null))));
    }

    /** The order if the caller may see it. */
    public Uni<Optional<OrderView>> find(SqlClient client, Caller caller, UUID orderId) {
        return orders.find(client, caller.tenant(), orderId).map(found -> found.filter(o -> visibleTo(caller, o)));
    }

    /** Orders by id in the input order (null where absent or not visible); one statement. */
    public Uni<List<OrderView>> byIds(Caller caller, List<UUID> ids) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
        List<UUID> distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(x -> (OrderView) null).toList());
        }
        return orders.findAll(db.pool(), caller.tenant(), distinct).map(list -> {
            Map<UUID, OrderView> byId = new LinkedHashMap<>();
            list.stream().filter(o -> visibleTo(caller, o)).forEach(o -> byId.put(o.uuid(), o));
            return ids.stream().map(id -> id == null ? null : byId.get(id)).toList();
        });
    }

    /** A refunded SKU: units and money. */
    public record RefundedLine(String sku, int quantity, BigDecimal amount) {
    }

    /** What a refund did: the split and the order afterwards (with lines and returns). */
    public record RefundOutcome(RefundSplit split, OrderView order) {
    }

    /**
     * Pays back {@code lines} on the order: locks it, splits the amount into refund and credit note, writes the order's
     * figures, a refund row with its lines and a REFUNDED timeline event, then tells every {@link OrderRefundedHook}.
     */
    public Uni<RefundOutcome> refund(SqlClient tx, Caller caller, UUID orderId, List<RefundedLine> lines, String method, String reference,
                                     String sourceType, UUID sourceId, String sourceNumber) {
        return orders.lock(tx, caller.tenant(), orderId)
                .map(found -> found.filter(o -> visibleTo(caller, o)).orElseThrow(() -> ApiException.notFound("order", orderId)))
                .flatMap(o -> {
                    String cur = o.currency();
                    BigDecimal amount = Money.round(lines.stream().map(RefundedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add), cur);
                    RefundSplit split = RefundSplit.of(amount, o.total(), o.paidAmount(), o.refundedTotal(), o.creditedTotal());
                    PaymentStatus payment = split.paymentStatusAfter(o.total(), o.paidAmount(), o.refundedTotal(), o.creditedTotal());
                    OrderStatus status = OrderLifecycle.settle(o.status(), payment);
                    UUID refundId = Ids.newId();
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("refundId", refundId.toString());
                    details.put(sourceType.toLowerCase() + "Id", sourceId.toString());
                    details.put(sourceType.toLowerCase() + "Number", sourceNumber);
                    details.put("amount", amount);
                    details.put("refunded", Money.round(split.refund(), cur));
                    details.put("credited", Money.round(split.credit(), cur));
                    details.put("method", method);
                    details.put("reference", reference);
                    details.put("paymentStatus", payment.name());
                    List<Event> events = status == o.status() ? List.of(new Event("REFUNDED", details))
                            : List.of(new Event("REFUNDED", details), new Event(status.name(), Map.of()));
                    return orders.refund(tx, caller.tenant(), orderId, split.refund(), split.credit(), payment, status, now, refundId, method,
                                    reference, sourceType, sourceId, caller.subject(),
                                    lines.stream().map(l -> new RefundLine(l.sku(), l.quantity(), l.amount())).toList(), events)
                            .call(u -> runRefundHooks(tx, caller, orderId, refundId))
                            .flatMap(u -> access.complete(tx, caller.tenant(), u))
                            .map(u -> new RefundOutcome(new RefundSplit(Money.round(split.refund(), cur), Money.round(split.credit(), cur)), u));
                });
    }

    /** Timeline rows on the order for an after-sales step (with the caller as actor). */
    public Uni<Void> recordEvent(SqlClient tx, Caller caller, UUID orderId, String type, Map<String, Object> details) {
        return orders.appendEvents(tx, caller.tenant(), orderId, caller.subject(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                List.of(new Event(type, details)));
    }

    private Uni<Void> runRefundHooks(SqlClient tx, Caller caller, UUID orderId, UUID refundId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrderRefundedHook hook : refundHooks) {
            chain = chain.flatMap(x -> hook.onRefunded(tx, caller, orderId, refundId));
        }
        return chain;
    }

    private static boolean visibleTo(Caller caller, OrderView o) {
        return !caller.isPartnerOnly() || o.channelId().equals(caller.partnerChannelId().toString());
    }
}
