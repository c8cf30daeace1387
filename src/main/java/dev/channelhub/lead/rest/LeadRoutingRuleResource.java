package dev.channelhub.lead.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.channelhub.lead.LeadRoutingRules;
import dev.channelhub.lead.RoutingRuleRequest;
import dev.channelhub.lead.RoutingRuleView;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/lead-routing-rules")
@Authenticated
@Tag(name = ApiTags.LEADS, description = ApiTags.LEADS_TEXT)
public class LeadRoutingRuleResource {

    @Inject
    LeadRoutingRules service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoutingRuleView.class)))
    @Operation(operationId = "createLeadRoutingRule", summary = "Create a lead routing rule",
            description = "Adds a rule (priority, match on region, category and value, target channel or group). Managers only.")
    public Uni<RestResponse<RoutingRuleView>> create(@RequestBody(required = true) RoutingRuleRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Operation(operationId = "listLeadRoutingRules", summary = "List lead routing rules",
            description = "The routing rules in creation order, paged by cursor (they apply by descending priority). Managers and sales.")
    public Uni<Page<RoutingRuleView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getLeadRoutingRule", summary = "Get a lead routing rule",
            description = "One routing rule with its version as ETag. Managers and sales; 404 for an unknown id.")
    public Uni<RestResponse<RoutingRuleView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "routing rule")).map(v -> Http.ok(v, v.version()));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateLeadRoutingRule", summary = "Replace a lead routing rule",
            description = "Replaces a rule; If-Match is honoured (412 VERSION_CONFLICT). Managers only.")
    public Uni<RestResponse<RoutingRuleView>> update(@PathParam("id") String id, @RequestBody(required = true) RoutingRuleRequest request,
                                @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return service.update(caller.get(), Ids.parseOrNotFound(id, "routing rule"), request, Http.ifMatch(ifMatch))
                .map(v -> Http.ok(v, v.version()));
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteLeadRoutingRule", summary = "Delete a lead routing rule",
            description = "Removes a rule; leads already routed keep their assignee. Managers only; 404 for an unknown id.")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return service.delete(caller.get(), Ids.parseOrNotFound(id, "routing rule")).map(x -> RestResponse.<Void>noContent());
    }
}
