package dev.channelhub.incentive.graphql;

import dev.channelhub.incentive.ChannelCostCategory;
import dev.channelhub.incentive.ChannelCostFilter;
import dev.channelhub.incentive.ChannelCostService;
import dev.channelhub.incentive.ChannelCostView;
import dev.channelhub.incentive.RecordChannelCostRequest;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.LocalDate;

@GraphQLApi
@CodedErrors
public class ChannelCostGraphQL {

    @Inject
    ChannelCostService service;

    @Inject
    CurrentCaller caller;

    @Mutation("recordChannelCost")
    public Uni<ChannelCostView> recordChannelCost(@NonNull RecordChannelCostRequest input, String idempotencyKey) {
        return service.record(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Query("channelCosts")
    public Uni<ChannelCostConnection> channelCosts(@Id String channelId, ChannelCostCategory category, LocalDate from, LocalDate to,
                                                   Integer first, String after) {
        ChannelCostFilter filter = new ChannelCostFilter(Ids.parseNullable(channelId, "channelId"), category, from, to);
        return service.list(caller.get(), filter, PageRequest.of(first, after, "first", "after")).map(ChannelCostConnection::of);
    }
}
