package dev.channelhub.analytics.rest;

import dev.channelhub.analytics.ChannelInventoryRow;
import dev.channelhub.analytics.ChannelInventoryService;
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

@Path("/api/v1/analytics/channel-inventory")
@Authenticated
@Tag(name = ApiTags.ANALYTICS, description = ApiTags.ANALYTICS_TEXT)
public class ChannelInventoryResource {

    @Inject
    ChannelInventoryService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "channelInventory", summary = "Per SKU of a channel: sell-in, sell-out, reported stock, days of inventory, "
            + "sell-through rate and stuffing risk over inclusive dates",
            description = "Sell-through of one channel per SKU (in SKU order) over inclusive dates in the tenant time zone "
                    + "(formulas in docs/KPIS.md): units shipped on its own purchases, units it reported sold, its latest "
                    + "reported stock, days of inventory, sell-through rate and stuffingRisk (rate below the tenant setting "
                    + "stuffingThreshold). Managers (channelId required, 400 otherwise); a partner for its own channel only "
                    + "(the default; another channel 404). 400 on a bad date or period.")
    public Uni<Page<ChannelInventoryRow>> channelInventory(@QueryParam("channelId") String channelId, @QueryParam("from") String from,
                                                           @QueryParam("to") String to, @QueryParam("limit") String limit,
                                                           @QueryParam("cursor") String cursor) {
        return service.inventory(caller.get(), channelId, from, to, PageRequest.of(limit, cursor));
    }
}
