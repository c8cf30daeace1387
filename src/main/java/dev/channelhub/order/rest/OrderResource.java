package dev.channelhub.order.rest;

import dev.channelhub.order.CancelOrderRequest;
import dev.channelhub.order.OrderRepository.Filter;
import dev.channelhub.order.OrderService;
import dev.channelhub.order.OrderStatus;
import dev.channelhub.order.OrderView;
import dev.channelhub.order.PaymentStatus;
import dev.channelhub.order.PlaceOrderRequest;
import dev.channelhub.order.ShipmentRequest;
import dev.channelhub.order.TimelineEntryView;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.Http;
import dev.channelhub.shared.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

@Path("/api/v1/orders")
@Authenticated
@Tag(name = "Orders")
public class OrderResource {

    @Inject
    OrderService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Placed (or the original answer replayed for a known Idempotency-Key)")
    public Uni<Response> place(@RequestBody(required = true) PlaceOrderRequest request,
                               @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.place(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "order")).map(v -> Http.ok(v, v.version()));
    }

    @GET
    public Uni<Page<OrderView>> list(@QueryParam("channelId") String channelId, @QueryParam("customerId") String customerId,
                                     @QueryParam("status") String status, @QueryParam("paymentStatus") String paymentStatus,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Filter filter = new Filter(Ids.parseNullable(channelId, "channelId"), Ids.parseNullable(customerId, "customerId"),
                Params.enumValue(OrderStatus.class, status, "status"), Params.enumValue(PaymentStatus.class, paymentStatus, "paymentStatus"),
                bound(from, "from", false), bound(to, "to", true));
        return service.list(caller.get(), filter, PageRequest.of(limit, cursor), true);
    }

    @POST
    @Path("/{id}/confirm")
    public Uni<Response> confirm(@PathParam("id") String id, @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return service.confirm(caller.get(), Ids.parseOrNotFound(id, "order"), Http.ifMatch(ifMatch)).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/cancel")
    public Uni<Response> cancel(@PathParam("id") String id, @RequestBody(required = true) CancelOrderRequest request,
                                @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return service.cancel(caller.get(), Ids.parseOrNotFound(id, "order"), request, Http.ifMatch(ifMatch))
                .map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/shipments")
    @APIResponse(responseCode = "201", description = "Shipped: on hand and reserved go down at the shipping locations")
    public Uni<Response> ship(@PathParam("id") String id, @RequestBody(required = true) ShipmentRequest request,
                              @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey, @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return service.ship(caller.get(), Ids.parseOrNotFound(id, "order"), request, idempotencyKey, Http.ifMatch(ifMatch))
                .map(Http::outcome);
    }

    @POST
    @Path("/{id}/shipments/{shipmentId}/deliver")
    public Uni<Response> deliver(@PathParam("id") String id, @PathParam("shipmentId") String shipmentId,
                                 @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return service.deliver(caller.get(), Ids.parseOrNotFound(id, "order"), Ids.parseOrNotFound(shipmentId, "shipment"),
                Http.ifMatch(ifMatch)).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/payments")
    @APIResponse(responseCode = "201", description = "Payment recorded")
    public Uni<Response> pay(@PathParam("id") String id, @RequestBody(required = true) dev.channelhub.order.PaymentRequest request,
                             @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey, @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return service.pay(caller.get(), Ids.parseOrNotFound(id, "order"), request, idempotencyKey, Http.ifMatch(ifMatch))
                .map(Http::outcome);
    }

    @GET
    @Path("/{id}/timeline")
    public Uni<Page<TimelineEntryView>> timeline(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                 @QueryParam("cursor") String cursor) {
        return service.timeline(caller.get(), Ids.parseOrNotFound(id, "order"), PageRequest.of(limit, cursor));
    }

    /** A date (whole UTC day, inclusive) or an ISO-8601 time. */
    static Instant bound(String value, String field, boolean upper) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.trim().length() == 10) {
            LocalDate d = Params.date(value, field);
            return (upper ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        Instant i = Params.instant(value, field);
        return upper ? i.plusNanos(1000) : i;
    }

}
