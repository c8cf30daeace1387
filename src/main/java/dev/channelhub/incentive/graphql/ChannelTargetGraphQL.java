package dev.channelhub.incentive.graphql;

import dev.channelhub.incentive.ChannelTargetService;
import dev.channelhub.incentive.ChannelTargetView;
import dev.channelhub.incentive.SetTargetRequest;
import dev.channelhub.shared.paging.Page;
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

import java.util.ArrayList;
import java.util.List;

@GraphQLApi
@CodedErrors
public class ChannelTargetGraphQL {

    @Inject
    ChannelTargetService service;

    @Inject
    CurrentCaller caller;

    @Mutation("setChannelTarget")
    public Uni<ChannelTargetView> setChannelTarget(@NonNull @Id String channelId, @NonNull String period,
                                                   @NonNull SetTargetRequest input, Integer version) {
        return service.set(caller.get(), Ids.parseOrNotFound(channelId, "channel"), period, input, version);
    }

    @Query("channelTargets")
    public Uni<ChannelTargetConnection> channelTargets(@NonNull String period, @Id String channelGroupId, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after, "first", "after");
        long start = page.after() == null ? 0 : parsePosition(page.after());
        return service.ranking(caller.get(), period, channelGroupId, page).map(p -> {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < p.items().size(); i++) {
                keys.add(Long.toString(start + i + 1));
            }
            return ChannelTargetConnection.of(p, keys);
        });
    }

    @Query("myTargets")
    public Uni<ChannelTargetConnection> myTargets(String period, Integer first, String after) {
        return service.mine(caller.get(), period, PageRequest.of(first, after, "first", "after"))
                .map((Page<ChannelTargetView> p) -> ChannelTargetConnection.of(p, p.items().stream().map(ChannelTargetView::period).toList()));
    }

    private static long parsePosition(String after) {
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            return 0; // the service rejects it with VALIDATION_FAILED
        }
    }
}
