package dev.channelhub.analytics.graphql;

import dev.channelhub.analytics.AnalyticsService;
import dev.channelhub.analytics.StockThresholdView;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The GraphQL face of GET /analytics/inventory/thresholds/{sku} (setStockThreshold is in AnalyticsGraphQL). */
@GraphQLApi
@CodedErrors
public class StockThresholdGraphQL {

    @Inject
    AnalyticsService service;

    @Inject
    CurrentCaller caller;

    @Query("stockThreshold")
    @Description("The low-stock threshold of one SKU. Managers only; NOT_FOUND when the SKU has no threshold.")
    public Uni<StockThresholdView> stockThreshold(@NonNull String sku) {
        return service.threshold(caller.get(), sku);
    }
}
