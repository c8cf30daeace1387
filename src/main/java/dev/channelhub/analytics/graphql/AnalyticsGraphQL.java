package dev.channelhub.analytics.graphql;

import dev.channelhub.analytics.AnalyticsService;
import dev.channelhub.analytics.Scorecard;
import dev.channelhub.analytics.SetThresholdRequest;
import dev.channelhub.analytics.StockThresholdView;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Dates are strings (2026-11-27) so that a bad one is VALIDATION_FAILED naming the argument, as in REST. */
@GraphQLApi
@CodedErrors
public class AnalyticsGraphQL {

    @Inject
    AnalyticsService service;

    @Inject
    CurrentCaller caller;

    @Query("salesReport")
    @Description("groupBy: channel, channelType, region, sku, category, day or month; from/to inclusive dates in the tenant time zone")
    public Uni<SalesReportConnection> salesReport(@NonNull String groupBy, String from, String to, @Id String channelId,
                                                  Integer first, String after, String thenBy, String attribution) {
        return service.sales(caller.get(), groupBy, thenBy, attribution, from, to, channelId, PageRequest.of(first, after, "first", "after"))
                .map(SalesReportConnection::of);
    }

    @Query("profitability")
    @Description("groupBy: channel, channelType or region; from/to inclusive dates in the tenant time zone (managers and admins)")
    public Uni<ProfitabilityConnection> profitability(@NonNull String groupBy, String from, String to, Integer first, String after) {
        return service.profitability(caller.get(), groupBy, from, to, PageRequest.of(first, after, "first", "after"))
                .map(ProfitabilityConnection::of);
    }

    @Query("channelScorecard")
    public Uni<Scorecard> channelScorecard(@NonNull @Id String channelId, String from, String to) {
        return service.scorecard(caller.get(), Ids.parseOrNotFound(channelId, "channel"), from, to);
    }

    @Query("inventoryTurnover")
    public Uni<InventoryTurnoverConnection> inventoryTurnover(String from, String to, String locationCode, String sku,
                                                              Integer first, String after) {
        return service.turnover(caller.get(), from, to, locationCode, sku, PageRequest.of(first, after, "first", "after"))
                .map(InventoryTurnoverConnection::of);
    }

    @Query("lowStock")
    public Uni<LowStockConnection> lowStock(Integer first, String after) {
        return service.lowStock(caller.get(), PageRequest.of(first, after, "first", "after")).map(LowStockConnection::of);
    }

    @Mutation("setStockThreshold")
    public Uni<StockThresholdView> setStockThreshold(@NonNull String sku, @NonNull SetThresholdRequest input, Integer version) {
        return service.setThreshold(caller.get(), sku, input, version);
    }
}
