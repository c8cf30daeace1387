package dev.channelhub.sellthrough.graphql;

import dev.channelhub.sellthrough.ReportSellOutRequest;
import dev.channelhub.sellthrough.SellOutReportView;
import dev.channelhub.sellthrough.SellThroughService;
import dev.channelhub.sellthrough.StockReportRequest;
import dev.channelhub.sellthrough.StockReportView;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** The sell-through mutations; the date of a stock report is a string so that a bad one is VALIDATION_FAILED as in REST. */
@GraphQLApi
@CodedErrors
public class SellThroughGraphQL {

    @Inject
    SellThroughService service;

    @Inject
    CurrentCaller caller;

    @Mutation("reportSellOut")
    public Uni<SellOutReportView> reportSellOut(@NonNull @Id String channelId, @NonNull ReportSellOutRequest input, String idempotencyKey) {
        return service.reportSellOut(caller.get(), Ids.parseOrNotFound(channelId, "channel"), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("reportStock")
    public Uni<StockReportView> reportStock(@NonNull @Id String channelId, @NonNull String date, @NonNull StockReportRequest input) {
        return service.reportStock(caller.get(), Ids.parseOrNotFound(channelId, "channel"), date, input);
    }
}
