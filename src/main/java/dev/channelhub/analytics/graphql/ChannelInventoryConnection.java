package dev.channelhub.analytics.graphql;

import dev.channelhub.analytics.ChannelInventoryRow;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("ChannelInventoryConnection")
public class ChannelInventoryConnection extends Connection<ChannelInventoryRow> {

    public static ChannelInventoryConnection of(Page<ChannelInventoryRow> page) {
        Connection<ChannelInventoryRow> c = Connection.of(page, ChannelInventoryRow::sku);
        ChannelInventoryConnection out = new ChannelInventoryConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
