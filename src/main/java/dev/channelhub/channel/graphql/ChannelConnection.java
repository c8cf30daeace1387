package dev.channelhub.channel.graphql;

import dev.channelhub.channel.ChannelView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("ChannelConnection")
public class ChannelConnection extends Connection<ChannelView> {

    public static ChannelConnection of(Page<ChannelView> page) {
        Connection<ChannelView> c = Connection.of(page, ChannelView::id);
        ChannelConnection out = new ChannelConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
