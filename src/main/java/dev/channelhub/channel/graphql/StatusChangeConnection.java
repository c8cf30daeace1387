package dev.channelhub.channel.graphql;

import dev.channelhub.channel.StatusChangeView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("ChannelStatusChangeConnection")
public class StatusChangeConnection extends Connection<StatusChangeView> {

    public static StatusChangeConnection of(Page<StatusChangeView> page) {
        Connection<StatusChangeView> c = Connection.of(page, StatusChangeView::id);
        StatusChangeConnection out = new StatusChangeConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
