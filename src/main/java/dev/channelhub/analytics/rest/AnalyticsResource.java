package dev.channelhub.analytics.rest;

import dev.channelhub.analytics.StockThresholdView;
import dev.channelhub.analytics.AnalyticsService;
import dev.channelhub.analytics.InventoryTurnoverRow;
import dev.channelhub.analytics.LowStockRow;
import dev.channelhub.analytics.ProfitabilityRow;
import dev.channelhub.analytics.SalesRow;
import dev.channelhub.analytics.Scorecard;
import dev.channelhub.analytics.SetThresholdRequest;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics")
@Authenticated
@Tag(name = ApiTags.ANALYTICS, description = ApiTags.ANALYTICS_TEXT)
public class AnalyticsResource {

    @Inject
    AnalyticsService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/sales")
    @Operation(operationId = "salesReport", summary = "Sales per channel, channelType, region, sku, category, day or month over inclusive dates in the tenant time zone",
            description = "Revenue, orders, units and average order value grouped by channel, channelType, region, sku, "
                    + "category, day or month; `from`/`to` are inclusive dates in the tenant time zone. Managers (partners:"
                    + " their own channel only); 400 on an unknown groupBy or a bad date. `thenBy` adds a second dimension "
                    + "(rows keyed by both: a cross-tab); `attribution=origin` credits a converted lead's order to the lead's "
                    + "source channel instead of the closing one (docs/KPIS.md). With `Accept: text/csv` the whole report "
                    + "(every page) is streamed as CSV.")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Page<SalesRow>> sales(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("channelId") String channelId,
                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                     @QueryParam("thenBy") String thenBy, @QueryParam("attribution") String attribution) {
        return service.sales(caller.get(), groupBy, thenBy, attribution, from, to, channelId, PageRequest.of(limit, cursor));
    }

    /**
     * The same report with {@code Accept: text/csv}: every row (no paging), streamed. Documented as the second media
     * type of salesReport's answer ({@code SalesCsvOpenApiFilter}), hence hidden as an operation of its own.
     */
    @GET
    @Path("/sales")
    @Produces(SalesCsvOpenApiFilter.TEXT_CSV)
    @Operation(hidden = true)
    public Multi<String> salesCsv(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("channelId") String channelId, @QueryParam("thenBy") String thenBy,
                                  @QueryParam("attribution") String attribution) {
        return service.salesCsv(caller.get(), groupBy, thenBy, attribution, from, to, channelId);
    }

    @GET
    @Path("/profitability")
    @Operation(operationId = "profitability", summary = "Revenue, cost of goods, channel cost, contribution and ROI per channel, channelType or region",
            description = "Per channel, channel type or region and currency over inclusive dates in the tenant time zone: "
                    + "revenue and cost of goods (recorded on each order line at placement) from the sales rollups, gross "
                    + "profit and margin, channel cost (recorded costs and approved expense claims), contribution and ROI "
                    + "(formulas in docs/KPIS.md). Managers and admins only (403 for partners and sales); 400 on an unknown "
                    + "groupBy or a bad date.")
    public Uni<Page<ProfitabilityRow>> profitability(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
                                                     @QueryParam("to") String to, @QueryParam("limit") String limit,
                                                     @QueryParam("cursor") String cursor) {
        return service.profitability(caller.get(), groupBy, from, to, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/channels/{id}/scorecard")
    @Operation(operationId = "channelScorecard", summary = "A channel's KPIs over inclusive dates (docs/KPIS.md)",
            description = "Every KPI of one channel over inclusive dates, null where there is no data (formulas in "
                    + "docs/KPIS.md). Managers, and a partner for its own channel; another partner's channel is 404.")
    public Uni<Scorecard> scorecard(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.scorecard(caller.get(), Ids.parseOrNotFound(id, "channel"), from, to);
    }

    @GET
    @Path("/inventory/turnover")
    @Operation(operationId = "inventoryTurnover", summary = "Per location and SKU: opening and closing on hand, units shipped, turnover and stock value over a period",
            description = "Opening and closing on hand, units shipped, turnover and stock value per location and SKU over a "
                    + "period. Managers only (403 otherwise).")
    public Uni<Page<InventoryTurnoverRow>> turnover(@QueryParam("from") String from, @QueryParam("to") String to,
                                                    @QueryParam("locationCode") String locationCode, @QueryParam("sku") String sku,
                                                    @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.turnover(caller.get(), from, to, locationCode, sku, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/inventory/low-stock")
    @Operation(operationId = "lowStock", summary = "SKUs whose available stock over all locations is below their threshold",
            description = "SKUs whose available stock summed over all locations is below their low-stock threshold. Managers "
                    + "only (403 otherwise).")
    public Uni<Page<LowStockRow>> lowStock(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.lowStock(caller.get(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/inventory/thresholds/{sku}")
    @Operation(operationId = "getStockThreshold", summary = "A SKU's low-stock threshold",
            description = "The low-stock threshold of one SKU, with its version as ETag. Managers only; 404 when the SKU has no"
                    + " threshold.")
    public Uni<RestResponse<StockThresholdView>> threshold(@PathParam("sku") String sku) {
        return service.threshold(caller.get(), sku).map(v -> Http.ok(v, v.version()));
    }

    @PUT
    @Path("/inventory/thresholds/{sku}")
    @Operation(operationId = "setStockThreshold", summary = "Sets a SKU's low-stock threshold (If-Match honoured)",
            description = "Sets the low-stock threshold of a SKU; If-Match is honoured (412 VERSION_CONFLICT). Managers only.")
    public Uni<RestResponse<StockThresholdView>> setThreshold(@PathParam("sku") String sku, @RequestBody(required = true) SetThresholdRequest request,
                                      @HeaderParam(Http.IF_MATCH) String ifMatch) {
        Integer expected = Http.ifMatch(ifMatch);
        return service.setThreshold(caller.get(), sku, request, expected).map(v -> Http.ok(v, v.version()));
    }
}
