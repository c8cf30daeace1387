package dev.channelhub.channel.rest;

import dev.channelhub.channel.ChannelGroupService;
import dev.channelhub.channel.ChannelGroupView;
import dev.channelhub.channel.ChannelPatch;
import dev.channelhub.channel.ChannelFilter;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelStatus;
import dev.channelhub.channel.ChannelType;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.channel.CreateChannelRequest;
import dev.channelhub.channel.RateChannelRequest;
import dev.channelhub.channel.RatingView;
import dev.channelhub.channel.StatusChangeView;
import dev.channelhub.channel.TransitionRequest;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import dev.channelhub.shared.web.MergePatch;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/channels")
@Authenticated
@Tag(name = ApiTags.CHANNELS, description = ApiTags.CHANNELS_TEXT)
public class ChannelResource {

    @Inject
    ChannelService service;

    @Inject
    ChannelGroupService groups;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Created (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChannelView.class)))
    @Operation(operationId = "createChannel", summary = "Create a channel",
            description = "Creates a channel; owned types start ACTIVE, partner types (DISTRIBUTOR, AGENT, RETAIL_STORE) start "
                    + "APPLIED. Managers and integrations; 409 DUPLICATE for a taken code; Idempotency-Key honoured.")
    public Uni<RestResponse<ChannelView>> create(@RequestBody(required = true) CreateChannelRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getChannel", summary = "Get a channel",
            description = "One channel with its version as ETag. Every role; a partner sees only its own channel and its sub-"
                    + "channels (others are 404).")
    public Uni<RestResponse<ChannelView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "channel")).map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Operation(operationId = "listChannels", summary = "List channels",
            description = "Channels filtered by type, status, tier, region or parent, paged by cursor. Every role; a partner "
                    + "sees its own channel and its sub-channels.")
    public Uni<Page<ChannelView>> list(@QueryParam("type") String type, @QueryParam("status") String status,
                                       @QueryParam("tier") String tier, @QueryParam("region") String region,
                                       @QueryParam("parentId") String parentId,
                                       @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), new ChannelFilter(Params.enumValue(ChannelType.class, type, "type"),
                        Params.enumValue(ChannelStatus.class, status, "status"), tier, region, Ids.parseNullable(parentId, "parentId")),
                PageRequest.of(limit, cursor));
    }

    @PATCH
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The updated channel, with its new ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChannelView.class)))
    @Operation(operationId = "updateChannel", summary = "Update a channel",
            description = "JSON merge-patch of a channel; If-Match is honoured (412 VERSION_CONFLICT). Managers and "
                    + "integrations; only managers change creditLimit and parentId.")
    public Uni<RestResponse<ChannelView>> update(@PathParam("id") String id, @HeaderParam(Http.IF_MATCH) String ifMatch,
                                @RequestBody(required = true, description = "JSON merge-patch: absent fields stay, null clears",
                                        content = @Content(schema = @Schema(implementation = ChannelPatch.class))) ChannelPatch patch) {
        UUID channelId = Ids.parseOrNotFound(id, "channel");
        Integer expected = Http.ifMatch(ifMatch);
        return service.update(caller.get(), channelId, MergePatch.body(patch), expected)
                .map(v -> Http.ok(v, v.version()));
    }

    @POST
    @Path("/{id}/transition")
    @APIResponse(responseCode = "200", description = "The channel in its new status",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChannelView.class)))
    @Operation(operationId = "transitionChannel", summary = "Change a channel's status",
            description = "Moves a channel through its lifecycle (APPLIED to ACTIVE or REJECTED, ACTIVE to SUSPENDED or "
                    + "TERMINATED, SUSPENDED back to ACTIVE or TERMINATED). Managers only; 409 INVALID_TRANSITION for any "
                    + "other move.")
    public Uni<RestResponse<ChannelView>> transition(@PathParam("id") String id, @HeaderParam(Http.IF_MATCH) String ifMatch,
                                    @RequestBody(required = true) TransitionRequest request) {
        UUID channelId = Ids.parseOrNotFound(id, "channel");
        return service.transition(caller.get(), channelId, request, Http.ifMatch(ifMatch)).map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "listChannelHistory", summary = "List a channel's status history",
            description = "Every status the channel took, its creation first, with actor and reason. Whoever may read the "
                    + "channel.")
    public Uni<Page<StatusChangeView>> history(@PathParam("id") String id, @QueryParam("limit") String limit,
                                               @QueryParam("cursor") String cursor) {
        UUID channelId = Ids.parseOrNotFound(id, "channel");
        return service.history(caller.get(), channelId, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/ratings")
    @APIResponse(responseCode = "201", description = "Rated; the channel's tier is now the rating's tier",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RatingView.class)))
    @Operation(operationId = "rateChannel", summary = "Rate a channel",
            description = "Records a periodic rating of a channel; the channel's tier becomes the rating's tier. Managers only;"
                    + " Idempotency-Key honoured.")
    public Uni<RestResponse<RatingView>> rate(@PathParam("id") String id, @RequestBody(required = true) RateChannelRequest request,
                              @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        UUID channelId = Ids.parseOrNotFound(id, "channel");
        return service.rate(caller.get(), channelId, request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{id}/ratings")
    @Operation(operationId = "listChannelRatings", summary = "List a channel's ratings",
            description = "The ratings of a channel, oldest first, paged by cursor. Whoever may read the channel.")
    public Uni<Page<RatingView>> ratings(@PathParam("id") String id, @QueryParam("limit") String limit,
                                         @QueryParam("cursor") String cursor) {
        UUID channelId = Ids.parseOrNotFound(id, "channel");
        return service.ratings(caller.get(), channelId, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}/groups")
    @Operation(operationId = "listGroupsOfChannel", summary = "List the groups a channel belongs to",
            description = "The groups a channel belongs to, as static member or by rule. Whoever may read the channel (partners"
                    + " see id, code and name only).")
    public Uni<Page<ChannelGroupView>> groups(@PathParam("id") String id, @QueryParam("limit") String limit,
                                              @QueryParam("cursor") String cursor) {
        UUID channelId = Ids.parseOrNotFound(id, "channel");
        return groups.groupsOf(caller.get(), channelId, PageRequest.of(limit, cursor));
    }
}
