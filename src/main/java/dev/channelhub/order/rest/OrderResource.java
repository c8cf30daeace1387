package dev.channelhub.order.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.channelhub.order.ShipmentView;
import dev.channelhub.order.PaymentView;
import dev.channelhub.order.CancelOrderRequest;
import dev.channelhub.order.OrderFilter;
import dev.channelhub.order.OrderFulfilmentService;
import dev.channelhub.order.OrderPaymentService;
import dev.channelhub.order.OrderPlacementService;
import dev.channelhub.order.OrderQueryService;
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
import dev.channelhub.shared.web.ApiTags;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

@Path("/api/v1/orders")
@Authenticated
@Tag(name = ApiTags.ORDERS, description = ApiTags.ORDERS_TEXT)
public class OrderResource {

    @Inject
    OrderPlacementService placement;

    @Inject
    OrderFulfilmentService fulfilment;

    @Inject
    OrderPaymentService payments;

    @Inject
    OrderQueryService queries;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Placed (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @Operation(operationId = "placeOrder", summary = "Place an order",
            description = "Prices the lines with the price engine and reserves stock in one transaction (201, status "
                    + "SUBMITTED). Sales, integrations and a partner for its own channel (403 for another); 409 "
                    + "INSUFFICIENT_STOCK or INVALID_TRANSITION (channel not ACTIVE), 422 CREDIT_LIMIT_EXCEEDED or "
                    + "NO_PRICE; Idempotency-Key honoured.")
    public Uni<RestResponse<OrderView>> place(@RequestBody(required = true) PlaceOrderRequest request,
                               @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return placement.place(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrder", summary = "Get an order",
            description = "One order with lines, reservations and payments, its version as ETag. Every role; partners only "
                    + "their own channel's orders (others 404).")
    public Uni<RestResponse<OrderView>> get(@PathParam("id") String id) {
        return queries.get(caller.get(), Ids.parseOrNotFound(id, "order")).map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Operation(operationId = "listOrders", summary = "List orders",
            description = "Orders in creation order filtered by channel, customer, status, payment status and time, paged by "
                    + "cursor. Every role; partners only their own channel's.")
    public Uni<Page<OrderView>> list(@QueryParam("channelId") String channelId, @QueryParam("customerId") String customerId,
                                     @QueryParam("status") String status, @QueryParam("paymentStatus") String paymentStatus,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        OrderFilter filter = new OrderFilter(Ids.parseNullable(channelId, "channelId"), Ids.parseNullable(customerId, "customerId"),
                Params.enumValue(OrderStatus.class, status, "status"), Params.enumValue(PaymentStatus.class, paymentStatus, "paymentStatus"),
                bound(from, "from", false), bound(to, "to", true));
        return queries.list(caller.get(), filter, PageRequest.of(limit, cursor), true);
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(operationId = "confirmOrder", summary = "Confirm an order",
            description = "Moves a SUBMITTED order to CONFIRMED. Sales and integrations; 409 INVALID_TRANSITION from another "
                    + "status.")
    public Uni<RestResponse<OrderView>> confirm(@PathParam("id") String id, @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return fulfilment.confirm(caller.get(), Ids.parseOrNotFound(id, "order"), Http.ifMatch(ifMatch)).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelOrder", summary = "Cancel an order",
            description = "Cancels a SUBMITTED or CONFIRMED order with a reason and releases its reservations. Sales, "
                    + "integrations and the ordering partner; 409 INVALID_TRANSITION from another status.")
    public Uni<RestResponse<OrderView>> cancel(@PathParam("id") String id, @RequestBody(required = true) CancelOrderRequest request,
                                @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return fulfilment.cancel(caller.get(), Ids.parseOrNotFound(id, "order"), request, Http.ifMatch(ifMatch))
                .map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/shipments")
    @APIResponse(responseCode = "201", description = "Shipped: on hand and reserved go down at the shipping locations",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ShipmentView.class)))
    @Operation(operationId = "shipOrder", summary = "Ship an order",
            description = "Records a shipment of some or all lines, reducing on hand and reserved. Sales and integrations; 409 "
                    + "INVALID_TRANSITION unless CONFIRMED or PARTIALLY_SHIPPED, or for more than is left to ship; "
                    + "Idempotency-Key honoured.")
    public Uni<RestResponse<ShipmentView>> ship(@PathParam("id") String id, @RequestBody(required = true) ShipmentRequest request,
                              @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey, @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return fulfilment.ship(caller.get(), Ids.parseOrNotFound(id, "order"), request, idempotencyKey, Http.ifMatch(ifMatch))
                .map(Http::outcome);
    }

    @POST
    @Path("/{id}/shipments/{shipmentId}/deliver")
    @Operation(operationId = "deliverShipment", summary = "Confirm a shipment's delivery",
            description = "Marks a shipment delivered; the order is DELIVERED once every shipment is, and COMPLETED when also "
                    + "paid. Sales, integrations, and the partner whose channel placed the order (self-service; another partner 404); 404 "
                    + "for an unknown shipment, 409 INVALID_TRANSITION for one already delivered.")
    public Uni<RestResponse<OrderView>> deliver(@PathParam("id") String id, @PathParam("shipmentId") String shipmentId,
                                 @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return fulfilment.deliver(caller.get(), Ids.parseOrNotFound(id, "order"), Ids.parseOrNotFound(shipmentId, "shipment"),
                Http.ifMatch(ifMatch)).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/payments")
    @APIResponse(responseCode = "201", description = "Payment recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentView.class)))
    @Operation(operationId = "recordPayment", summary = "Record a payment",
            description = "Records a payment against the order's outstanding amount (UNPAID, PARTIALLY_PAID, PAID). Sales and "
                    + "integrations; 422 OVERPAYMENT above the outstanding amount; Idempotency-Key honoured.")
    public Uni<RestResponse<PaymentView>> pay(@PathParam("id") String id, @RequestBody(required = true) dev.channelhub.order.PaymentRequest request,
                             @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey, @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return payments.pay(caller.get(), Ids.parseOrNotFound(id, "order"), request, idempotencyKey, Http.ifMatch(ifMatch))
                .map(Http::outcome);
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(operationId = "listOrderTimeline", summary = "List an order's timeline",
            description = "Every event of the order with time and actor, oldest first, paged by cursor. Whoever may read the "
                    + "order.")
    public Uni<Page<TimelineEntryView>> timeline(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                 @QueryParam("cursor") String cursor) {
        return queries.timeline(caller.get(), Ids.parseOrNotFound(id, "order"), PageRequest.of(limit, cursor));
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
