package dev.channelhub.order.rest;

import dev.channelhub.order.OrderQueryService;
import dev.channelhub.order.PaymentView;
import dev.channelhub.order.ShipmentView;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The REST reads of an order's shipments and payments, which GraphQL serves as Order.shipments and Order.payments: the
 * same service calls (the order read decides who may see it; the batched loaders answer for it).
 */
@Path("/api/v1/orders")
@Authenticated
@Tag(name = ApiTags.ORDERS, description = ApiTags.ORDERS_TEXT)
public class OrderFulfilmentResource {

    @Inject
    OrderQueryService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/{id}/shipments")
    @Operation(operationId = "listOrderShipments", summary = "List an order's shipments",
            description = "The order's shipments with their lines, carrier, tracking number and delivery time, oldest first, "
                    + "paged by cursor. Whoever may read the order (a partner: its own channel's orders); 404 otherwise.")
    public Uni<Page<ShipmentView>> shipments(@PathParam("id") String id, @QueryParam("limit") String limit,
                                             @QueryParam("cursor") String cursor) {
        Caller who = caller.get();
        PageRequest page = PageRequest.of(limit, cursor);
        return service.get(who, Ids.parseOrNotFound(id, "order"))
                .flatMap(order -> service.shipmentsOf(who, List.of(order)))
                .map(lists -> page(lists.get(0), page, ShipmentView::id));
    }

    @GET
    @Path("/{id}/payments")
    @Operation(operationId = "listOrderPayments", summary = "List an order's payments",
            description = "The payments recorded on the order (amount, method, reference, when received), oldest first, paged by "
                    + "cursor. Whoever may read the order (a partner: its own channel's orders); 404 otherwise.")
    public Uni<Page<PaymentView>> payments(@PathParam("id") String id, @QueryParam("limit") String limit,
                                           @QueryParam("cursor") String cursor) {
        Caller who = caller.get();
        PageRequest page = PageRequest.of(limit, cursor);
        return service.get(who, Ids.parseOrNotFound(id, "order"))
                .flatMap(order -> service.paymentsOf(who, List.of(order)))
                .map(lists -> page(lists.get(0), page, PaymentView::id));
    }

    /** An order has a handful of shipments and payments, read in id (creation) order: the page is cut in memory. */
    private static <T> Page<T> page(List<T> all, PageRequest page, Function<T, String> id) {
        UUID after = page.after() == null ? null : page.afterId();
        List<T> rows = all.stream().filter(v -> after == null || id.apply(v).compareTo(after.toString()) > 0)
                .limit(page.fetchSize()).toList();
        return Page.of(rows, page, id);
    }
}
