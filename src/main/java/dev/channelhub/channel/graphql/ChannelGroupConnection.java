package dev.channelhub.channel.graphql;

import dev.channelhub.channel.ChannelGroupView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("ChannelGroupConnection")
public class ChannelGroupConnection extends Connection<ChannelGroupView> {

    public static ChannelGroupConnection of(Page<ChannelGroupView> page) {
        Connection<ChannelGroupView> c = Connection.of(page, ChannelGroupView::id);
        ChannelGroupConnection out = new ChannelGroupConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
