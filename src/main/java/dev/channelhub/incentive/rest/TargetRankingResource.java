package dev.channelhub.incentive.rest;

import dev.channelhub.incentive.ChannelTargetService;
import dev.channelhub.incentive.ChannelTargetView;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/targets")
@Authenticated
@Tag(name = ApiTags.TARGETS, description = ApiTags.TARGETS_TEXT)
public class TargetRankingResource {

    @Inject
    ChannelTargetService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "channelTargets", summary = "A period's targets ranked by attainment",
            description = "The targets of one period (of a channel group's members when `channelGroupId` is given) by "
                    + "attainment descending, each with its `rank` (equal attainment, equal rank). Managers and admins; "
                    + "partners read their own through /me/targets.")
    public Uni<Page<ChannelTargetView>> ranking(@QueryParam("period") String period, @QueryParam("channelGroupId") String channelGroupId,
                                                @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.ranking(caller.get(), period, channelGroupId, PageRequest.of(limit, cursor));
    }
}
