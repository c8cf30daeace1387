package dev.channelhub.incentive.rest;

import dev.channelhub.incentive.ChannelCostCategory;
import dev.channelhub.incentive.ChannelCostFilter;
import dev.channelhub.incentive.ChannelCostService;
import dev.channelhub.incentive.ChannelCostView;
import dev.channelhub.incentive.RecordChannelCostRequest;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/channel-costs")
@Authenticated
@Tag(name = ApiTags.CHANNEL_COSTS, description = ApiTags.CHANNEL_COSTS_TEXT)
public class ChannelCostResource {

    @Inject
    ChannelCostService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Recorded (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChannelCostView.class)))
    @Operation(operationId = "recordChannelCost", summary = "Record a channel cost",
            description = "Records what a channel cost on a date (category MARKETING, FUNDS, LOGISTICS, COMMISSION, STAFF or "
                    + "OTHER) in the channel's currency; the profitability report counts it. Managers and admins; 400 for an "
                    + "unknown channel; Idempotency-Key honoured.")
    public Uni<RestResponse<ChannelCostView>> record(@RequestBody(required = true) RecordChannelCostRequest request,
                                                     @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.record(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Operation(operationId = "channelCosts", summary = "Recorded channel costs",
            description = "Channel costs in the order they were recorded, optionally of one channel, one category and between "
                    + "inclusive dates; approved expense claims appear as FUNDS rows. Managers and admins (403 otherwise).")
    public Uni<Page<ChannelCostView>> list(@QueryParam("channelId") String channelId, @QueryParam("category") String category,
                                           @QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        ChannelCostFilter filter = new ChannelCostFilter(Ids.parseNullable(channelId, "channelId"),
                Params.enumValue(ChannelCostCategory.class, category, "category"), Params.date(from, "from"), Params.date(to, "to"));
        return service.list(caller.get(), filter, PageRequest.of(limit, cursor));
    }
}
