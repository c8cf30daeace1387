package dev.channelhub.incentive.rest;

import dev.channelhub.incentive.ChannelTargetService;
import dev.channelhub.incentive.ChannelTargetView;
import dev.channelhub.incentive.SetTargetRequest;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/channels/{id}/targets")
@Authenticated
@Tag(name = ApiTags.TARGETS, description = ApiTags.TARGETS_TEXT)
public class ChannelTargetResource {

    @Inject
    ChannelTargetService service;

    @Inject
    CurrentCaller caller;

    @PUT
    @Path("/{period}")
    @APIResponse(responseCode = "200", description = "The target with its actuals and its new ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChannelTargetView.class)))
    @Operation(operationId = "setChannelTarget", summary = "Set a channel's target for a year, quarter or month",
            description = "Creates or replaces the channel's target for `period` (2026, 2026-Q4 or 2026-12) in the channel's "
                    + "currency and answers it with its actuals and attainment (docs/KPIS.md); If-Match is honoured (412 "
                    + "VERSION_CONFLICT). Managers and admins; 400 on a bad period, 404 for an unknown channel.")
    public Uni<RestResponse<ChannelTargetView>> set(@PathParam("id") String id, @PathParam("period") String period,
                                                   @HeaderParam(Http.IF_MATCH) String ifMatch,
                                                   @RequestBody(required = true) SetTargetRequest request) {
        return service.set(caller.get(), Ids.parseOrNotFound(id, "channel"), period, request, Http.ifMatch(ifMatch))
                .map(v -> Http.ok(v, v.version()));
    }
}
