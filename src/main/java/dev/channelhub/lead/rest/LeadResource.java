package dev.channelhub.lead.rest;

import dev.channelhub.lead.CreateLeadRequest;
import dev.channelhub.lead.LeadActionRequest;
import dev.channelhub.lead.LeadRepository.LeadFilter;
import dev.channelhub.lead.LeadService;
import dev.channelhub.lead.LeadStatus;
import dev.channelhub.lead.LeadView;
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

@Path("/api/v1/leads")
@Authenticated
@Tag(name = "Leads")
public class LeadResource {

    @Inject
    LeadService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Created and routed (or the original answer replayed for a known Idempotency-Key)")
    public Uni<Response> create(@RequestBody(required = true) CreateLeadRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    public Uni<Page<LeadView>> list(@QueryParam("status") String status, @QueryParam("assignedChannelId") String assigned,
                                    @QueryParam("sourceChannelId") String source, @QueryParam("customerId") String customer,
                                    @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), new LeadFilter(Params.enumValue(LeadStatus.class, status, "status"),
                Ids.parseNullable(assigned, "assignedChannelId"), Ids.parseNullable(source, "sourceChannelId"),
                Ids.parseNullable(customer, "customerId")), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "lead")).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/accept")
    public Uni<LeadView> accept(@PathParam("id") String id) {
        return service.accept(caller.get(), Ids.parseOrNotFound(id, "lead"));
    }

    @POST
    @Path("/{id}/reject")
    public Uni<LeadView> reject(@PathParam("id") String id, LeadActionRequest body) {
        return service.reject(caller.get(), Ids.parseOrNotFound(id, "lead"), body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/convert")
    public Uni<LeadView> convert(@PathParam("id") String id, LeadActionRequest body) {
        return service.convert(caller.get(), Ids.parseOrNotFound(id, "lead"), body == null ? null : body.orderId());
    }

    @POST
    @Path("/{id}/lose")
    public Uni<LeadView> lose(@PathParam("id") String id, LeadActionRequest body) {
        return service.lose(caller.get(), Ids.parseOrNotFound(id, "lead"), body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/assign")
    public Uni<LeadView> assign(@PathParam("id") String id, LeadActionRequest body) {
        return service.assign(caller.get(), Ids.parseOrNotFound(id, "lead"), body == null ? null : body.channelId());
    }
}
