package dev.channelhub.lead.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.channelhub.lead.CreateLeadRequest;
import dev.channelhub.lead.LeadActionRequest;
import dev.channelhub.lead.LeadFilter;
import dev.channelhub.lead.LeadService;
import dev.channelhub.lead.LeadStatus;
import dev.channelhub.lead.LeadView;
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

@Path("/api/v1/leads")
@Authenticated
@Tag(name = ApiTags.LEADS, description = ApiTags.LEADS_TEXT)
public class LeadResource {

    @Inject
    LeadService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Created and routed (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LeadView.class)))
    @Operation(operationId = "createLead", summary = "Create a lead",
            description = "Creates a lead and routes it by the routing rules (UNASSIGNED when none matches). Sales, "
                    + "integrations and partners (as the source channel); Idempotency-Key honoured.")
    public Uni<RestResponse<LeadView>> create(@RequestBody(required = true) CreateLeadRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Operation(operationId = "listLeads", summary = "List leads",
            description = "Leads filtered by assignee, source, customer or status, paged by cursor. Sales, managers and "
                    + "integrations; partners those assigned to or originated by their channel.")
    public Uni<Page<LeadView>> list(@QueryParam("status") String status, @QueryParam("assignedChannelId") String assigned,
                                    @QueryParam("sourceChannelId") String source, @QueryParam("customerId") String customer,
                                    @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), new LeadFilter(Params.enumValue(LeadStatus.class, status, "status"),
                Ids.parseNullable(assigned, "assignedChannelId"), Ids.parseNullable(source, "sourceChannelId"),
                Ids.parseNullable(customer, "customerId")), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getLead", summary = "Get a lead",
            description = "One lead. Whoever may list it; other partners' leads are 404.")
    public Uni<RestResponse<LeadView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "lead")).map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/accept")
    @Operation(operationId = "acceptLead", summary = "Accept a lead",
            description = "The assigned channel accepts the lead. Sales, managers and the assigned partner; 409 "
                    + "INVALID_TRANSITION from another status.")
    public Uni<LeadView> accept(@PathParam("id") String id) {
        return service.accept(caller.get(), Ids.parseOrNotFound(id, "lead"));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectLead", summary = "Reject a lead",
            description = "The assigned channel gives the lead back with a reason; it is routed again. Sales, managers and the "
                    + "assigned partner; 409 INVALID_TRANSITION from another status.")
    public Uni<LeadView> reject(@PathParam("id") String id, @RequestBody(required = false) LeadActionRequest body) {
        return service.reject(caller.get(), Ids.parseOrNotFound(id, "lead"), body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/convert")
    @Operation(operationId = "convertLead", summary = "Convert a lead",
            description = "Marks the lead won, optionally with the order that came of it. Sales, managers and the assigned "
                    + "partner; 409 INVALID_TRANSITION from another status.")
    public Uni<LeadView> convert(@PathParam("id") String id, @RequestBody(required = false) LeadActionRequest body) {
        return service.convert(caller.get(), Ids.parseOrNotFound(id, "lead"), body == null ? null : body.orderId());
    }

    @POST
    @Path("/{id}/lose")
    @Operation(operationId = "loseLead", summary = "Mark a lead lost",
            description = "Closes the lead as lost with a reason. Sales, managers and the assigned partner; 409 "
                    + "INVALID_TRANSITION from another status.")
    public Uni<LeadView> lose(@PathParam("id") String id, @RequestBody(required = false) LeadActionRequest body) {
        return service.lose(caller.get(), Ids.parseOrNotFound(id, "lead"), body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/assign")
    @Operation(operationId = "assignLead", summary = "Assign a lead",
            description = "Assigns the lead to a channel by hand. Sales and managers; 404 for a channel the caller cannot see.")
    public Uni<LeadView> assign(@PathParam("id") String id, LeadActionRequest body) {
        return service.assign(caller.get(), Ids.parseOrNotFound(id, "lead"), body == null ? null : body.channelId());
    }
}
