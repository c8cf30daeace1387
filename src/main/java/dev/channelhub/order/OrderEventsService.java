package dev.channelhub.order;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.events.OutboxEvent;
import dev.channelhub.events.OutboxFeed;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Live order events of one channel, for the GraphQL subscription and the REST event stream (one source, one rule). */
@ApplicationScoped
public class OrderEventsService {

    private final OutboxFeed feed;
    private final ChannelService channels;

    public OrderEventsService(OutboxFeed feed, ChannelService channels) {
        this.feed = feed;
        this.channels = channels;
    }

    /**
     * Partners may listen only to their own channel (any other is NOT_FOUND); staff roles that read orders may listen
     * to any channel of their tenant.
     */
    public Multi<OrderStatusChange> orderStatusChanged(Caller caller, UUID channelId) {
        return orderEvents(caller, channelId, null, null).map(SequencedChange::change);
    }

    /** An order event with its outbox sequence number: the id a resuming stream (server-sent events) names. */
    public record SequencedChange(long sequence, OrderStatusChange change) {
    }

    /**
     * The same events under the same rules as {@link #orderStatusChanged}, for the REST event stream: live from now, or,
     * with {@code afterSequence} (a sequence number this stream sent, e.g. {@code Last-Event-ID}), every committed order
     * event of the channel after that one first. An unknown sequence number is VALIDATION_FAILED on {@code field}.
     */
    public Multi<SequencedChange> orderEvents(Caller caller, UUID channelId, Long afterSequence, String field) {
        return openOrderEvents(caller, channelId, afterSequence, field).onItem().transformToMulti(events -> events);
    }

    /**
     * {@link #orderEvents} in two steps: every check (role, partner, channel, resume point) first, failing the Uni, and
     * only then the stream, so that a transport that answers with a status (server-sent events) can refuse properly.
     */
    public Uni<Multi<SequencedChange>> openOrderEvents(Caller caller, UUID channelId, Long afterSequence, String field) {
        authorize(caller, channelId);
        String tenant = caller.tenant();
        return channels.get(caller, channelId).flatMap(channel -> {
            if (afterSequence == null) {
                return Uni.createFrom().item(project(feed.events("order.").filter(e -> tenant.equals(e.tenant())), channelId));
            }
            return feed.position(tenant, afterSequence).map(position -> project(feed.eventsAfter(tenant, "order.",
                    position.orElseThrow(() -> ApiException.invalid(field, "no event " + afterSequence
                            + " to resume after; reconnect without it to listen from now"))), channelId));
        });
    }

    private static void authorize(Caller caller, UUID channelId) {
        if (caller.isPartnerOnly()) {
            if (!channelId.equals(caller.partnerChannelId())) {
                throw ApiException.notFound("channel", channelId);
            }
        } else {
            caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION);
        }
    }

    private static Multi<SequencedChange> project(Multi<OutboxEvent> events, UUID channelId) {
        return events.map(e -> new SequencedChange(e.seq(), OrderStatusChange.from(e)))
                .filter(c -> channelId.toString().equals(c.change().channelId()));
    }
}
