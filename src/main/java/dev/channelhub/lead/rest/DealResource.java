package dev.channelhub.lead.rest;

import dev.channelhub.lead.DealActionRequest;
import dev.channelhub.lead.DealCheck;
import dev.channelhub.lead.DealCheckRequest;
import dev.channelhub.lead.DealConflictView;
import dev.channelhub.lead.DealRepository.DealFilter;
import dev.channelhub.lead.DealService;
import dev.channelhub.lead.DealStatus;
import dev.channelhub.lead.DealView;
import dev.channelhub.lead.RegisterDealRequest;
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

@Path("/api/v1/deals")
@Authenticated
@Tag(name = "Deals")
public class DealResource {

    @Inject
    DealService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Registered and protected (PENDING until a manager decides)")
    @APIResponse(responseCode = "409", description = "DEAL_CONFLICT: another partner protects this customer until the date given")
    public Uni<Response> register(@RequestBody(required = true) RegisterDealRequest request,
                                  @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.register(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @POST
    @Path("/check")
    @APIResponse(responseCode = "200", description = "Whether a registration would conflict; nothing is written")
    public Uni<DealCheck> check(@RequestBody(required = true) DealCheckRequest request) {
        return service.check(caller.get(), request);
    }

    @GET
    public Uni<Page<DealView>> list(@QueryParam("status") String status, @QueryParam("channelId") String channelId,
                                    @QueryParam("customerId") String customerId,
                                    @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), new DealFilter(Params.enumValue(DealStatus.class, status, "status"),
                Ids.parseNullable(channelId, "channelId"), Ids.parseNullable(customerId, "customerId")), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/conflicts")
    public Uni<Page<DealConflictView>> conflicts(@QueryParam("channelId") String channelId, @QueryParam("limit") String limit,
                                                 @QueryParam("cursor") String cursor) {
        return service.conflicts(caller.get(), Ids.parseNullable(channelId, "channelId"), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "deal")).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/approve")
    public Uni<DealView> approve(@PathParam("id") String id, DealActionRequest body) {
        return service.approve(caller.get(), Ids.parseOrNotFound(id, "deal"), body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/reject")
    public Uni<DealView> reject(@PathParam("id") String id, DealActionRequest body) {
        return service.reject(caller.get(), Ids.parseOrNotFound(id, "deal"), body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/extension")
    @APIResponse(responseCode = "200", description = "Extension requested; a manager approves or rejects it")
    public Uni<DealView> requestExtension(@PathParam("id") String id, DealActionRequest body) {
        return service.requestExtension(caller.get(), Ids.parseOrNotFound(id, "deal"), body == null ? null : body.days(),
                body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/extension/approve")
    public Uni<DealView> approveExtension(@PathParam("id") String id, DealActionRequest body) {
        return service.approveExtension(caller.get(), Ids.parseOrNotFound(id, "deal"), body == null ? null : body.days());
    }

    @POST
    @Path("/{id}/extension/reject")
    public Uni<DealView> rejectExtension(@PathParam("id") String id) {
        return service.rejectExtension(caller.get(), Ids.parseOrNotFound(id, "deal"));
    }
}
