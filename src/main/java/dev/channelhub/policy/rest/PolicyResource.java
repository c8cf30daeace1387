package dev.channelhub.policy.rest;

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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/policies")
@Authenticated
@Tag(name = "Policies")
public class PolicyResource {

    @Inject
    PolicyService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Published (or the original answer replayed for a known Idempotency-Key)")
    public Uni<Response> publish(@RequestBody(required = true) PublishPolicyRequest request,
                                 @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.publish(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    public Uni<Page<PolicyView>> list(@QueryParam("kind") String kind, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), Params.enumValue(PolicyKind.class, kind, "kind"), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "policy")).map(v -> Http.ok(v, v.version()));
    }

    @PATCH
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "A new version was published")
    public Uni<Response> update(@PathParam("id") String id, @RequestBody(required = true) PolicyPatch patch,
                                @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return service.update(caller.get(), Ids.parseOrNotFound(id, "policy"), patch, Http.ifMatch(ifMatch))
                .map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/read")
    public Uni<InboxItem> read(@PathParam("id") String id) {
        return service.read(caller.get(), Ids.parseOrNotFound(id, "policy"));
    }

    @POST
    @Path("/{id}/acknowledge")
    public Uni<InboxItem> acknowledge(@PathParam("id") String id, AcknowledgeRequest request) {
        return service.acknowledge(caller.get(), Ids.parseOrNotFound(id, "policy"), request == null ? null : request.version());
    }

    @GET
    @Path("/{id}/reach")
    public Uni<PolicyReach> reach(@PathParam("id") String id) {
        return service.reach(caller.get(), Ids.parseOrNotFound(id, "policy"));
    }
}
