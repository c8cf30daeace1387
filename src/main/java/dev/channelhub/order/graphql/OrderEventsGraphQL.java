package dev.channelhub.order.graphql;

import dev.channelhub.events.graphql.GraphQLContextLeak;
import dev.channelhub.events.graphql.SubscriptionGuard;
import dev.channelhub.order.OrderEventsService;
import dev.channelhub.order.OrderStatusChange;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import io.smallrye.graphql.api.Subscription;

@GraphQLApi
@CodedErrors
public class OrderEventsGraphQL {

    @Inject
    OrderEventsService service;

    @Inject
    SubscriptionGuard guard;

    @Subscription("orderStatusChanged")
    @Description("Order events of one channel as they commit (graphql-transport-ws on /graphql); partners: their own channel only")
    public Multi<OrderStatusChange> orderStatusChanged(@NonNull @Id String channelId) {
        Multi<OrderStatusChange> changes = guard.guard(caller -> service.orderStatusChanged(caller, Ids.parse(channelId, "channelId")));
        GraphQLContextLeak.clearAfterCurrentTask();
        return changes;
    }
}
