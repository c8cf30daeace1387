package dev.channelhub.events.rest;

import dev.channelhub.events.CreateWebhookRequest;
import dev.channelhub.events.DeliveryView;
import dev.channelhub.events.ReplayResult;
import dev.channelhub.events.WebhookPatch;
import dev.channelhub.events.WebhookService;
import dev.channelhub.events.WebhookView;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.Http;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Authenticated
@Tag(name = "Webhooks")
public class WebhookResource {

    @Inject
    WebhookService service;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Subscribe a URL to event types; deliveries are signed with the secret (shown only in this answer)")
    @APIResponse(responseCode = "201", description = "Created (or the original answer replayed for a known Idempotency-Key)")
    public Uni<Response> create(@RequestBody(required = true) CreateWebhookRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    public Uni<Page<WebhookView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "webhook")).map(v -> Http.ok(v, v.version()));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change url, events or secret; status ACTIVE re-enables a disabled webhook")
    public Uni<Response> update(@PathParam("id") String id, @RequestBody(required = true) WebhookPatch patch,
                                @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return service.update(caller.get(), Ids.parseOrNotFound(id, "webhook"), patch, Http.ifMatch(ifMatch))
                .map(v -> Http.ok(v, v.version()));
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted with its delivery log")
    public Uni<Response> delete(@PathParam("id") String id) {
        return service.delete(caller.get(), Ids.parseOrNotFound(id, "webhook")).map(x -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log, oldest first; ?status=PENDING|DELIVERED")
    public Uni<Page<DeliveryView>> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
                                              @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.deliveries(caller.get(), Ids.parseOrNotFound(id, "webhook"), status, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Deliver matching events again from ?from= (an event sequence number or an ISO-8601 time)")
    @APIResponse(responseCode = "202", description = "Replay deliveries queued")
    public Uni<Response> replay(@PathParam("id") String id, @QueryParam("from") String from) {
        return service.replay(caller.get(), Ids.parseOrNotFound(id, "webhook"), from)
                .map(r -> Response.accepted(r).build());
    }
}
