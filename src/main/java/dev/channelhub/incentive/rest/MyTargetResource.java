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

@Path("/api/v1/me/targets")
@Authenticated
@Tag(name = ApiTags.TARGETS, description = ApiTags.TARGETS_TEXT)
public class MyTargetResource {

    @Inject
    ChannelTargetService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "myTargets", summary = "The calling partner's own targets",
            description = "The targets of the calling partner's channel with their actuals and attainment, by period "
                    + "(optionally one period). Partners only (403 for other roles).")
    public Uni<Page<ChannelTargetView>> mine(@QueryParam("period") String period, @QueryParam("limit") String limit,
                                             @QueryParam("cursor") String cursor) {
        return service.mine(caller.get(), period, PageRequest.of(limit, cursor));
    }
}
