package dev.channelhub.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
import dev.channelhub.shared.web.ApiTags;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Authenticated
@Tag(name = ApiTags.WEBHOOKS, description = ApiTags.WEBHOOKS_TEXT)
public class WebhookResource {

    @Inject
    WebhookService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Created (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to event types; deliveries are signed with the secret (shown only in this answer)",
            description = "Subscribes a URL to event types; deliveries are signed with the secret, which appears only in this "
                    + "answer. Integrations only; 400 on an invalid URL (private addresses are refused unless configured) "
                    + "or event type.")
    public Uni<RestResponse<WebhookView>> create(@RequestBody(required = true) CreateWebhookRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhooks",
            description = "The tenant's webhook subscriptions, paged by cursor. Integrations only.")
    public Uni<Page<WebhookView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook",
            description = "One webhook subscription with its status and failure count. Integrations only; 404 for an unknown "
                    + "id.")
    public Uni<RestResponse<WebhookView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "webhook")).map(v -> Http.ok(v, v.version()));
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateWebhook", summary = "Change url, events or secret; status ACTIVE re-enables a disabled webhook",
            description = "JSON merge-patch of a webhook; If-Match is honoured (412 VERSION_CONFLICT). Integrations only.")
    public Uni<RestResponse<WebhookView>> update(@PathParam("id") String id, @RequestBody(required = true) WebhookPatch patch,
                                @HeaderParam(Http.IF_MATCH) String ifMatch) {
        return service.update(caller.get(), Ids.parseOrNotFound(id, "webhook"), patch, Http.ifMatch(ifMatch))
                .map(v -> Http.ok(v, v.version()));
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted with its delivery log")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook",
            description = "Removes a webhook subscription; nothing more is delivered to it. Integrations only; 404 for an "
                    + "unknown id.")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return service.delete(caller.get(), Ids.parseOrNotFound(id, "webhook")).map(x -> RestResponse.<Void>noContent());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, oldest first; ?status=PENDING|DELIVERED",
            description = "Each delivery with its attempts, status and last response, paged by cursor. Integrations only.")
    public Uni<Page<DeliveryView>> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
                                              @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.deliveries(caller.get(), Ids.parseOrNotFound(id, "webhook"), status, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/replay")
    @APIResponse(responseCode = "202", description = "Replay deliveries queued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReplayResult.class)))
    @Operation(operationId = "replayWebhook", summary = "Deliver matching events again from ?from= (an event sequence number or an ISO-8601 time)",
            description = "Queues the matching events for delivery again from an event sequence number or an ISO-8601 time. "
                    + "Integrations only; 400 on a bad `from`.")
    public Uni<RestResponse<ReplayResult>> replay(@PathParam("id") String id, @QueryParam("from") String from) {
        return service.replay(caller.get(), Ids.parseOrNotFound(id, "webhook"), from)
                .map(r -> RestResponse.status(RestResponse.Status.ACCEPTED, r));
    }
}
