package dev.channelhub.channel.graphql;

import dev.channelhub.channel.ChannelGroupPatch;
import dev.channelhub.channel.ChannelGroupService;
import dev.channelhub.channel.ChannelGroupView;
import dev.channelhub.channel.ChannelPatch;
import dev.channelhub.channel.ChannelFilter;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelStatus;
import dev.channelhub.channel.ChannelType;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.channel.CreateChannelGroupRequest;
import dev.channelhub.channel.CreateChannelRequest;
import dev.channelhub.channel.RateChannelRequest;
import dev.channelhub.channel.RatingView;
import dev.channelhub.channel.TransitionRequest;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.web.ArgumentBatches;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.stream.Collectors;

@GraphQLApi
@CodedErrors
public class ChannelGraphQL {

    @Inject
    ChannelService service;

    @Inject
    ChannelGroupService groups;

    @Inject
    CurrentCaller caller;

    @Inject
    ArgumentBatches batches;

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

    @Query("channelHistory")
    @Description("Every status the channel took, its creation first")
    public Uni<StatusChangeConnection> channelHistory(@NonNull @Id String id, Integer first, String after) {
        return service.history(caller.get(), Ids.parseOrNotFound(id, "channel"), PageRequest.of(first, after, "first", "after"))
                .map(StatusChangeConnection::of);
    }

    @Query("channelRatings")
    public Uni<RatingConnection> channelRatings(@NonNull @Id String id, Integer first, String after) {
        return service.ratings(caller.get(), Ids.parseOrNotFound(id, "channel"), PageRequest.of(first, after, "first", "after"))
                .map(RatingConnection::of);
    }

    @Query("channelGroup")
    public Uni<ChannelGroupView> channelGroup(@NonNull @Id String id) {
        return groups.get(caller.get(), Ids.parseOrNotFound(id, "channel group"));
    }

    @Query("channelGroups")
    public Uni<ChannelGroupConnection> channelGroups(Integer first, String after) {
        return groups.list(caller.get(), PageRequest.of(first, after, "first", "after")).map(ChannelGroupConnection::of);
    }

    @Mutation("createChannel")
    public Uni<ChannelView> createChannel(@NonNull CreateChannelRequest input, String idempotencyKey) {
        return service.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("updateChannel")
    @Description("Sets the given fields and nulls those named in clear; version, when given, must match (VERSION_CONFLICT)")
    public Uni<ChannelView> updateChannel(@NonNull @Id String id, @NonNull ChannelPatch input, Integer version) {
        return service.update(caller.get(), Ids.parseOrNotFound(id, "channel"), input, version);
    }

    @Mutation("transitionChannel")
    @Description("APPLIED→ACTIVE|REJECTED, ACTIVE→SUSPENDED|TERMINATED, SUSPENDED→ACTIVE|TERMINATED; else INVALID_TRANSITION")
    public Uni<ChannelView> transitionChannel(@NonNull @Id String id, @NonNull TransitionRequest input, Integer version) {
        return service.transition(caller.get(), Ids.parseOrNotFound(id, "channel"), input, version);
    }

    @Mutation("rateChannel")
    @Description("Records a rating and sets the channel's tier")
    public Uni<RatingView> rateChannel(@NonNull @Id String id, @NonNull RateChannelRequest input, String idempotencyKey) {
        return service.rate(caller.get(), Ids.parseOrNotFound(id, "channel"), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("createChannelGroup")
    public Uni<ChannelGroupView> createChannelGroup(@NonNull CreateChannelGroupRequest input, String idempotencyKey) {
        return groups.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("updateChannelGroup")
    public Uni<ChannelGroupView> updateChannelGroup(@NonNull @Id String id, @NonNull ChannelGroupPatch input, Integer version) {
        return groups.update(caller.get(), Ids.parseOrNotFound(id, "channel group"), input, version);
    }

    // ---- batched fields: one statement for all the parents of a page

    @Name("parent")
    @Description("The parent channel (null when there is none or the caller may not see it)")
    public Uni<List<ChannelView>> parent(@Source List<ChannelView> channels) {
        return service.parents(caller.get(), channels);
    }

    @Name("children")
    @Description("The direct sub-channels")
    public Uni<List<List<ChannelView>>> children(@Source List<ChannelView> channels) {
        return service.children(caller.get(), channels);
    }

    @Name("groups")
    @Description("The groups the channel belongs to (static member or rule match)")
    public Uni<List<List<ChannelGroupView>>> groups(@Source List<ChannelView> channels) {
        return groups.groupsOfChannels(caller.get(), channels);
    }

    @Name("members")
    @Description("Static members and rule matches, whatever their status, by id")
    public Uni<ChannelConnection> members(@Source ChannelGroupView group, Integer first, String after) {
        ArgumentBatches.PageArgs args = new ArgumentBatches.PageArgs(caller.get(), PageRequest.of(first, after, "first", "after"));
        return batches.load("ChannelGroup.members", args, group, (a, of) -> groups.membersOfGroups(a.caller(), of, a.page())
                .map(pages -> pages.stream().map(ChannelConnection::of).collect(Collectors.toList())));
    }
}
