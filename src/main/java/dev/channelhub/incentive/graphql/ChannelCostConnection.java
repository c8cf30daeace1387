package dev.channelhub.incentive.graphql;

import dev.channelhub.incentive.ChannelCostView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("ChannelCostConnection")
public class ChannelCostConnection extends Connection<ChannelCostView> {

    public static ChannelCostConnection of(Page<ChannelCostView> page) {
        Connection<ChannelCostView> c = Connection.of(page, ChannelCostView::id);
        ChannelCostConnection out = new ChannelCostConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
