package dev.channelhub.analytics.graphql;

import dev.channelhub.analytics.ChannelInventoryService;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Query;

/** Dates are strings (2026-11-27) so that a bad one is VALIDATION_FAILED naming the argument, as in REST. */
@GraphQLApi
@CodedErrors
public class ChannelInventoryGraphQL {

    @Inject
    ChannelInventoryService service;

    @Inject
    CurrentCaller caller;

    @Query("channelInventory")
    public Uni<ChannelInventoryConnection> channelInventory(@Id String channelId, String from, String to, Integer first, String after) {
        return service.inventory(caller.get(), channelId, from, to, PageRequest.of(first, after, "first", "after"))
                .map(ChannelInventoryConnection::of);
    }
}
