package dev.channelhub.order;

import dev.channelhub.inventory.ReservationView;
import dev.channelhub.inventory.StockService;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading orders: one, a page, the timeline, and the batched GraphQL fields (lines, reservations, shipments, payments,
 * a customer's orders), each one statement for the whole batch. Partners see their own channel's orders only.
 */
@ApplicationScoped
public class OrderQueryService {

    private final OrderRepository orders;
    private final OrderAccess access;
    private final StockService stock;
    private final Db db;

    public OrderQueryService(OrderRepository orders, OrderAccess access, StockService stock, Db db) {
        this.orders = orders;
        this.access = access;
        this.stock = stock;
        this.db = db;
    }

    public Uni<OrderView> get(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            OrderAccess.requireReader(caller);
            return access.visible(caller, db.pool(), id).flatMap(o -> access.complete(db.pool(), caller.tenant(), o));
        });
    }

    /** A page of orders; {@code withDetails} also loads lines and reservations (REST), GraphQL batches them per field. */
    public Uni<Page<OrderView>> list(Caller caller, OrderRepository.Filter filter, PageRequest page, boolean withDetails) {
        return Uni.createFrom().deferred(() -> {
            OrderAccess.requireReader(caller);
            UUID scope = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
            return orders.list(db.pool(), caller.tenant(), scope, filter, page.afterId(), page.fetchSize())
                    .map(rows -> Page.of(rows, page, OrderView::id))
                    .flatMap(p -> withDetails ? access.completeAll(db.pool(), caller.tenant(), p.items()).map(items -> new Page<>(items, p.nextCursor()))
                            : Uni.createFrom().item(p));
        });
    }

    public Uni<Page<TimelineEntryView>> timeline(Caller caller, UUID id, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            OrderAccess.requireReader(caller);
            Long after = seqCursor(page);
            return access.visible(caller, db.pool(), id)
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
            OrderAccess.requireReader(caller);
            UUID scope = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
            return orders.byCustomers(db.pool(), caller.tenant(), scope, customerIds.stream().distinct().toList(), page.afterId(),
                            page.fetchSize())
                    .map(m -> customerIds.stream().map(c -> Page.of(m.getOrDefault(c, List.of()), page, OrderView::id)).toList());
        });
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
