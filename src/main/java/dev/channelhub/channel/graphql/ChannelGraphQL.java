package dev.channelhub.channel.graphql;

import dev.channelhub.channel.ChannelRepository.ChannelFilter;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelStatus;
import dev.channelhub.channel.ChannelType;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.channel.CreateChannelRequest;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
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

@GraphQLApi
@CodedErrors
public class ChannelGraphQL {

    @Inject
    ChannelService service;

    @Inject
    CurrentCaller caller;

    @Query("channel")
    @Description("One channel by id (partners: their own channel and their sub-channels)")
    public Uni<ChannelView> channel(@NonNull @Id String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "channel"));
    }

    @Query("channels")
    public Uni<ChannelConnection> channels(Integer first, String after, ChannelType type, ChannelStatus status,
                                           String tier, String region, @Id String parentId) {
        return service.list(caller.get(), new ChannelFilter(type, status, tier, region, Ids.parseNullable(parentId, "parentId")),
                        PageRequest.of(first, after, "first", "after"))
                .map(ChannelConnection::of);
    }

    @Mutation("createChannel")
    public Uni<ChannelView> createChannel(@NonNull CreateChannelRequest input, String idempotencyKey) {
        return service.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }
}
