package dev.channelhub.channel.graphql;

import dev.channelhub.channel.ChannelGroupService;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.shared.relay.NodeKind;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The channel types that Query.node(id) resolves (shared/relay/NodeService), each through its service's read-one use case. */
@ApplicationScoped
public class ChannelNodes {

    @Produces
    @Unremovable
    NodeKind channel(ChannelService service) {
        return NodeKind.of("Channel", "channel", service::get);
    }

    @Produces
    @Unremovable
    NodeKind channelGroup(ChannelGroupService service) {
        return NodeKind.of("ChannelGroup", "channel_group", service::get);
    }
}
