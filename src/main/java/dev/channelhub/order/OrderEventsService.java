package dev.channelhub.order;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.events.OutboxFeed;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Live order events of one channel, for the GraphQL subscription. */
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
        if (caller.isPartnerOnly()) {
            if (!channelId.equals(caller.partnerChannelId())) {
                throw ApiException.notFound("channel", channelId);
            }
        } else {
            caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION);
        }
        String tenant = caller.tenant();
        return channels.get(caller, channelId).onItem().transformToMulti(channel -> feed.events("order.")
                .filter(e -> tenant.equals(e.tenant()))
                .map(OrderStatusChange::from)
                .filter(c -> channelId.toString().equals(c.channelId())));
    }
}
