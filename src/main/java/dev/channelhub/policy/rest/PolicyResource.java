package dev.channelhub.policy.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.channelhub.policy.AcknowledgeRequest;
import dev.channelhub.policy.InboxItem;
import dev.channelhub.policy.PolicyKind;
import dev.channelhub.policy.PolicyPatch;
import dev.channelhub.policy.PolicyReach;
import dev.channelhub.policy.PolicyService;
import dev.channelhub.policy.PolicyView;
import dev.channelhub.policy.PublishPolicyRequest;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/policies")
@Authenticated
@Tag(name = ApiTags.POLICIES, description = ApiTags.POLICIES_TEXT)
public class PolicyResource {

    @Inject
    PolicyService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Published (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyView.class)))
    @Operation(operationId = "publishPolicy", summary = "Publish a policy",
            description = "Publishes a policy, announcement or material to an audience of channels, groups, types, tiers and "
                    + "regions. Managers only; 404 for an unknown channel or group in the audience; Idempotency-Key "
                    + "honoured.")
    public Uni<RestResponse<PolicyView>> publish(@RequestBody(required = true) PublishPolicyRequest request,
                                 @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.publish(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Operation(operationId = "listPolicies", summary = "List policies",
            description = "Every policy of the tenant, filtered by kind, paged by cursor. Managers only.")
    public Uni<Page<PolicyView>> list(@QueryParam("kind") String kind, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), Params.enumValue(PolicyKind.class, kind, "kind"), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPolicy", summary = "Get a policy",
            description = "One policy with its version as ETag. Managers; a partner only a policy in effect that targets its "
                    + "channel (others 404).")
    public Uni<RestResponse<PolicyView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "policy")).map(v -> Http.ok(v, v.version()));
    }

    @PATCH
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "A new version was published",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyView.class)))
    @Operation(operationId = "updatePolicy", summary = "Update a policy",
            description = "JSON merge-patch of a policy; a new audience replaces the targeted set. If-Match is honoured (412 "
                    + "VERSION_CONFLICT). Managers only.")
    public Uni<RestResponse<PolicyView>> update(@PathParam("id") String id, @RequestBody(required = true) PolicyPatch patch,
                                @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return service.update(caller.get(), Ids.parseOrNotFound(id, "policy"), patch, Http.ifMatch(ifMatch))
                .map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "readPolicy", summary = "Mark a policy read",
            description = "The calling partner marks a policy that targets its channel as read. Partners only; 404 for a policy"
                    + " that does not target it.")
    public Uni<InboxItem> read(@PathParam("id") String id) {
        return service.read(caller.get(), Ids.parseOrNotFound(id, "policy"));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(operationId = "acknowledgePolicy", summary = "Acknowledge a policy",
            description = "The calling partner acknowledges the current version of a policy that targets its channel. Partners "
                    + "only; 412 VERSION_CONFLICT when the given version is not the current one.")
    public Uni<InboxItem> acknowledge(@PathParam("id") String id,
            // Optional: without a body the current version is acknowledged.
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false) AcknowledgeRequest request) {
        return service.acknowledge(caller.get(), Ids.parseOrNotFound(id, "policy"), request == null ? null : request.version());
    }

    @GET
    @Path("/{id}/reach")
    @Operation(operationId = "getPolicyReach", summary = "A policy's reach",
            description = "How many targeted channels read and acknowledged the policy, and which are still pending. Managers "
                    + "only.")
    public Uni<PolicyReach> reach(@PathParam("id") String id) {
        return service.reach(caller.get(), Ids.parseOrNotFound(id, "policy"));
    }
}
