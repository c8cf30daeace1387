package dev.channelhub.lead.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.channelhub.lead.DealActionRequest;
import dev.channelhub.lead.DealCheck;
import dev.channelhub.lead.DealCheckRequest;
import dev.channelhub.lead.DealConflictView;
import dev.channelhub.lead.DealFilter;
import dev.channelhub.lead.DealService;
import dev.channelhub.lead.DealStatus;
import dev.channelhub.lead.DealView;
import dev.channelhub.lead.RegisterDealRequest;
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

@Path("/api/v1/deals")
@Authenticated
@Tag(name = ApiTags.DEALS, description = ApiTags.DEALS_TEXT)
public class DealResource {

    @Inject
    DealService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Registered and protected (PENDING until a manager decides)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "409", description = "DEAL_CONFLICT: another partner protects this customer until the date given")
    @Operation(operationId = "registerDeal", summary = "Register a deal",
            description = "A partner registers a customer opportunity, protected for the tenant's protection period. Partners "
                    + "(their own channel) and sales; 409 DEAL_CONFLICT when another partner holds a protected registration"
                    + " for that customer.")
    public Uni<RestResponse<DealView>> register(@RequestBody(required = true) RegisterDealRequest request,
                                  @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.register(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @POST
    @Path("/check")
    @APIResponse(responseCode = "200", description = "Whether a registration would conflict; nothing is written")
    @Operation(operationId = "checkDeal", summary = "Check a deal for conflicts",
            description = "Dry run of a registration: would it conflict? Nothing is written. Partners and sales.")
    public Uni<DealCheck> check(@RequestBody(required = true) DealCheckRequest request) {
        return service.check(caller.get(), request);
    }

    @GET
    @Operation(operationId = "listDeals", summary = "List deals",
            description = "Deal registrations filtered by channel, customer or status, paged by cursor. Sales and managers; "
                    + "partners only their own.")
    public Uni<Page<DealView>> list(@QueryParam("status") String status, @QueryParam("channelId") String channelId,
                                    @QueryParam("customerId") String customerId,
                                    @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), new DealFilter(Params.enumValue(DealStatus.class, status, "status"),
                Ids.parseNullable(channelId, "channelId"), Ids.parseNullable(customerId, "customerId")), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/conflicts")
    @Operation(operationId = "listDealConflicts", summary = "List deal conflicts",
            description = "Registrations refused because of another partner's protection, for the brand to arbitrate. Managers "
                    + "only.")
    public Uni<Page<DealConflictView>> conflicts(@QueryParam("channelId") String channelId, @QueryParam("limit") String limit,
                                                 @QueryParam("cursor") String cursor) {
        return service.conflicts(caller.get(), Ids.parseNullable(channelId, "channelId"), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeal", summary = "Get a deal",
            description = "One deal registration. Sales and managers; partners only their own (others 404).")
    public Uni<RestResponse<DealView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "deal")).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approveDeal", summary = "Approve a deal",
            description = "Approves a pending registration. Managers only; 409 INVALID_TRANSITION when it is not pending.")
    public Uni<DealView> approve(@PathParam("id") String id, @RequestBody(required = false) DealActionRequest body) {
        return service.approve(caller.get(), Ids.parseOrNotFound(id, "deal"), body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectDeal", summary = "Reject a deal",
            description = "Rejects a pending registration with a reason. Managers only; 409 INVALID_TRANSITION when it is not "
                    + "pending.")
    public Uni<DealView> reject(@PathParam("id") String id, @RequestBody(required = false) DealActionRequest body) {
        return service.reject(caller.get(), Ids.parseOrNotFound(id, "deal"), body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/extension")
    @APIResponse(responseCode = "200", description = "Extension requested; a manager approves or rejects it")
    @Operation(operationId = "requestDealExtension", summary = "Request a protection extension",
            description = "Asks for a longer protection period of a deal. The registering partner, sales and managers; 409 "
                    + "INVALID_TRANSITION when the deal is not protected.")
    public Uni<DealView> requestExtension(@PathParam("id") String id, DealActionRequest body) {
        return service.requestExtension(caller.get(), Ids.parseOrNotFound(id, "deal"), body == null ? null : body.days(),
                body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/extension/approve")
    @Operation(operationId = "approveDealExtension", summary = "Approve a protection extension",
            description = "Extends the deal's protection as requested. Managers only; 409 INVALID_TRANSITION without a pending "
                    + "request.")
    public Uni<DealView> approveExtension(@PathParam("id") String id, @RequestBody(required = false) DealActionRequest body) {
        return service.approveExtension(caller.get(), Ids.parseOrNotFound(id, "deal"), body == null ? null : body.days());
    }

    @POST
    @Path("/{id}/extension/reject")
    @Operation(operationId = "rejectDealExtension", summary = "Reject a protection extension",
            description = "Refuses the requested extension. Managers only; 409 INVALID_TRANSITION without a pending request.")
    public Uni<DealView> rejectExtension(@PathParam("id") String id) {
        return service.rejectExtension(caller.get(), Ids.parseOrNotFound(id, "deal"));
    }
}
