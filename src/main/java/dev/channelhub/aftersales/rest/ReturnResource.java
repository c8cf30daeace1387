package dev.channelhub.aftersales.rest;

import dev.channelhub.aftersales.AfterSalesEventView;
import dev.channelhub.aftersales.CreateReturnRequest;
import dev.channelhub.aftersales.ReceiveReturnRequest;
import dev.channelhub.aftersales.RefundReturnRequest;
import dev.channelhub.aftersales.RejectReturnRequest;
import dev.channelhub.aftersales.ReturnFilter;
import dev.channelhub.aftersales.ReturnService;
import dev.channelhub.aftersales.ReturnStatus;
import dev.channelhub.aftersales.ReturnView;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import dev.channelhub.shared.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/returns")
@Authenticated
@Tag(name = ApiTags.RETURNS, description = ApiTags.RETURNS_TEXT)
public class ReturnResource {

    private final ReturnService service;
    private final CurrentCaller caller;

    public ReturnResource(ReturnService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Requested (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReturnView.class)))
    @Operation(operationId = "requestReturn", summary = "Request a return",
            description = "Opens a return (RMA, status REQUESTED) for shipped units of an order; each line's refundAmount is the "
                    + "order line's unitPrice x quantity. Sales, integrations and the partner whose channel placed the order "
                    + "(another partner's order: 400 on orderId). 409 RETURN_QUANTITY_EXCEEDED when a SKU's units plus the "
                    + "order's other non-rejected returns exceed the shipped units; 422 RETURN_WINDOW_CLOSED after "
                    + "returnWindowDays (tenant setting) from delivery or the last shipment; Idempotency-Key honoured.")
    public Uni<RestResponse<ReturnView>> request(@RequestBody(required = true) CreateReturnRequest request,
                                                 @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.request(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Operation(operationId = "listReturns", summary = "List returns",
            description = "Returns with their lines in creation order, filtered by status, channel and order, paged by cursor. "
                    + "Every role; partners only their own channel's.")
    public Uni<Page<ReturnView>> list(@QueryParam("status") String status, @QueryParam("channelId") String channelId,
                                      @QueryParam("orderId") String orderId, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        ReturnFilter filter = new ReturnFilter(Params.enumValue(ReturnStatus.class, status, "status"),
                Ids.parseNullable(channelId, "channelId"), Ids.parseNullable(orderId, "orderId"));
        return service.list(caller.get(), filter, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReturn", summary = "Get a return",
            description = "One return with its lines, its version as ETag. Every role; partners only their own channel's "
                    + "returns (others 404).")
    public Uni<RestResponse<ReturnView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "return")).map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(operationId = "getReturnTimeline", summary = "A return's timeline",
            description = "Every step of the return (requested, approved or rejected, received, refunded) with time, actor and "
                    + "details, paged by cursor. Every role; partners only their own channel's returns (others 404).")
    public Uni<Page<AfterSalesEventView>> timeline(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                   @QueryParam("cursor") String cursor) {
        return service.timeline(caller.get(), Ids.parseOrNotFound(id, "return"), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approveReturn", summary = "Approve a return",
            description = "REQUESTED → APPROVED. Managers, sales and admins; 409 INVALID_TRANSITION from another status.")
    public Uni<ReturnView> approve(@PathParam("id") String id) {
        return service.approve(caller.get(), Ids.parseOrNotFound(id, "return"));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectReturn", summary = "Reject a return",
            description = "REQUESTED → REJECTED with a reason; its units no longer count against the shipped units. Managers, "
                    + "sales and admins; 409 INVALID_TRANSITION from another status.")
    public Uni<ReturnView> reject(@PathParam("id") String id, @RequestBody(required = true) RejectReturnRequest request) {
        return service.reject(caller.get(), Ids.parseOrNotFound(id, "return"), request);
    }

    @POST
    @Path("/{id}/receive")
    @Operation(operationId = "receiveReturn", summary = "Receive a return",
            description = "APPROVED → RECEIVED at a location: RESTOCK lines add to on hand there with a stock ledger row of kind "
                    + "RETURN (same transaction), SCRAP lines move no stock. Managers, sales, integrations and admins; 409 "
                    + "RETURN_QUANTITY_EXCEEDED above the approved units, 409 INVALID_TRANSITION from another status, 404 for an "
                    + "unknown location.")
    public Uni<ReturnView> receive(@PathParam("id") String id, @RequestBody(required = true) ReceiveReturnRequest request) {
        return service.receive(caller.get(), Ids.parseOrNotFound(id, "return"), request);
    }

    @POST
    @Path("/{id}/refund")
    @Operation(operationId = "refundReturn", summary = "Refund a return",
            description = "RECEIVED → REFUNDED: unitPrice x received units per line; up to what was paid on the order (and not "
                    + "yet refunded) it is a refund (the order's refundedTotal), the rest a credit note (creditedTotal) that lowers "
                    + "the order's outstanding amount and the channel's receivables. Managers, sales, integrations and admins; 422 "
                    + "REFUND_EXCEEDS_PAID above paid plus outstanding, 409 INVALID_TRANSITION from another status.")
    public Uni<ReturnView> refund(@PathParam("id") String id, @RequestBody(required = true) RefundReturnRequest request) {
        return service.refund(caller.get(), Ids.parseOrNotFound(id, "return"), request);
    }
}
