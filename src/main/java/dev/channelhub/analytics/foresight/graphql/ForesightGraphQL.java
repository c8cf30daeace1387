package dev.channelhub.analytics.foresight.graphql;

import dev.channelhub.analytics.foresight.ForesightService;
import dev.channelhub.analytics.foresight.RevenueForecast;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Growth, churn and forecast; dates and periods are strings so a bad one is VALIDATION_FAILED naming the argument, as in REST. */
@GraphQLApi
@CodedErrors
public class ForesightGraphQL {

    @Inject
    ForesightService service;

    @Inject
    CurrentCaller caller;

    @Query("salesGrowth")
    public Uni<GrowthConnection> salesGrowth(@NonNull String groupBy, String period, Integer first, String after) {
        return service.growth(caller.get(), groupBy, period, PageRequest.of(first, after, "first", "after")).map(GrowthConnection::of);
    }

    @Query("customerChurn")
    public Uni<ChurnReportGraph> customerChurn(@Id String channelId, String asOf, Integer inactiveDays, Integer first, String after) {
        return service.churn(caller.get(), channelId, asOf, inactiveDays, PageRequest.of(first, after, "first", "after"))
                .map(ChurnReportGraph::of);
    }

    @Query("revenueForecast")
    public Uni<RevenueForecast> revenueForecast(@Id String channelId, Integer months, String asOf) {
        return service.forecast(caller.get(), channelId, months, asOf);
    }
}
