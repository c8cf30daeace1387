package dev.channelhub.channel.rest;

import dev.channelhub.channel.ChannelGroupPatch;
import dev.channelhub.channel.ChannelGroupService;
import dev.channelhub.channel.ChannelGroupView;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.channel.CreateChannelGroupRequest;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import dev.channelhub.shared.web.MergePatch;
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

@Path("/api/v1/channel-groups")
@Authenticated
@Tag(name = ApiTags.CHANNEL_GROUPS, description = ApiTags.CHANNEL_GROUPS_TEXT)
public class ChannelGroupResource {

    @Inject
    ChannelGroupService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Created (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChannelGroupView.class)))
    @Operation(operationId = "createChannelGroup", summary = "Create a channel group",
            description = "Creates a group of channels from static members and/or a rule on type, tier and region. Managers "
                    + "only; 409 DUPLICATE for a taken code.")
    public Uni<RestResponse<ChannelGroupView>> create(@RequestBody(required = true) CreateChannelGroupRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getChannelGroup", summary = "Get a channel group",
            description = "One channel group with its rule and static members. Managers, sales and integrations; 404 for an "
                    + "unknown id.")
    public Uni<RestResponse<ChannelGroupView>> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "channel group")).map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Operation(operationId = "listChannelGroups", summary = "List channel groups",
            description = "Every channel group of the tenant, paged by cursor. Managers, sales and integrations.")
    public Uni<Page<ChannelGroupView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), PageRequest.of(limit, cursor));
    }

    @PATCH
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The updated group, with its new ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChannelGroupView.class)))
    @Operation(operationId = "updateChannelGroup", summary = "Update a channel group",
            description = "JSON merge-patch of a group's name, members or rule; If-Match is honoured (412 VERSION_CONFLICT). "
                    + "Managers only.")
    public Uni<RestResponse<ChannelGroupView>> update(@PathParam("id") String id, @HeaderParam(Http.IF_MATCH) String ifMatch,
                                @RequestBody(required = true, description = "JSON merge-patch: absent fields stay, null clears",
                                        content = @Content(schema = @Schema(implementation = ChannelGroupPatch.class))) ChannelGroupPatch patch) {
        UUID groupId = Ids.parseOrNotFound(id, "channel group");
        Integer expected = Http.ifMatch(ifMatch);
        return service.update(caller.get(), groupId, MergePatch.body(patch), expected)
                .map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Path("/{id}/members")
    @Operation(operationId = "listChannelGroupMembers", summary = "List a group's members",
            description = "The static members plus every channel the rule matches, whatever their status, paged by cursor. "
                    + "Managers, sales and integrations.")
    public Uni<Page<ChannelView>> members(@PathParam("id") String id, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        UUID groupId = Ids.parseOrNotFound(id, "channel group");
        return service.members(caller.get(), groupId, PageRequest.of(limit, cursor));
    }
}
