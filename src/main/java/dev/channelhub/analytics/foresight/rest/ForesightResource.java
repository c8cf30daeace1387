package dev.channelhub.analytics.foresight.rest;

import dev.channelhub.analytics.foresight.ChurnReport;
import dev.channelhub.analytics.foresight.ForesightService;
import dev.channelhub.analytics.foresight.GrowthRow;
import dev.channelhub.analytics.foresight.RevenueForecast;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Growth, churn and forecast (API-CONTRACT-2 §10; formulas in docs/KPIS.md, "Foresight"). */
@Path("/api/v1/analytics")
@Authenticated
@Tag(name = ApiTags.ANALYTICS, description = ApiTags.ANALYTICS_TEXT)
public class ForesightResource {

    @Inject
    ForesightService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/growth")
    @Operation(operationId = "salesGrowth", summary = "Revenue per channel or channel type in a month or year, against the previous period, with its share",
            description = "Revenue of each channel or channel type in `period` (a month like 2026-11 or a year like 2026; default the "
                    + "current month, tenant time zone) from the sales rollups, the previous period of the same length, growth = "
                    + "(revenue − previous) ÷ previous and share = revenue ÷ the tenant's revenue in the period (docs/KPIS.md). "
                    + "Managers; a partner sees only its own channel and no share. 400 on an unknown groupBy or a bad period.")
    public Uni<Page<GrowthRow>> growth(@QueryParam("groupBy") String groupBy, @QueryParam("period") String period,
                                       @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.growth(caller.get(), groupBy, period, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/churn")
    @Operation(operationId = "customerChurn", summary = "Active and churned customers and the churn rate as of a date, with a page of at-risk customers",
            description = "Active customers (an order in the inactiveDays before asOf), churned customers (an order in the inactiveDays "
                    + "before that window but none in it), churnRate = churned ÷ customers of the earlier window, and a page of at-risk "
                    + "customers (last order between 0.75 × inactiveDays and inactiveDays before asOf), per channel or the tenant "
                    + "(docs/KPIS.md). Managers; a partner sees only its own channel (another channel is 404). 400 on a bad asOf or "
                    + "inactiveDays outside 1..1830.")
    public Uni<ChurnReport> churn(@QueryParam("channelId") String channelId, @QueryParam("asOf") String asOf,
                                  @QueryParam("inactiveDays") String inactiveDays,
                                  @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.churn(caller.get(), channelId, asOf, Params.integer(inactiveDays, "inactiveDays"), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/forecast")
    @Operation(operationId = "revenueForecast", summary = "Revenue forecast of the next months with a 95 % band and the method's back-test error",
            description = "Forecast of the revenue of asOf's month and the following ones (months, 1..12, default 3) from the complete "
                    + "months of the monthly rollups before it, per channel (its currency) or the tenant (CNY): seasonal naive with "
                    + "trend from 13 months of history, drift from 2, naive from 1; back-test MAPE on the last 3 complete months "
                    + "fitted on the months before (docs/KPIS.md). Managers; a partner sees only its own channel (another is 404).")
    public Uni<RevenueForecast> forecast(@QueryParam("channelId") String channelId, @QueryParam("months") String months,
                                         @QueryParam("asOf") String asOf) {
        return service.forecast(caller.get(), channelId, Params.integer(months, "months"), asOf);
    }
}
