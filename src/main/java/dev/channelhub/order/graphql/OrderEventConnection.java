package dev.channelhub.order.graphql;

import dev.channelhub.order.TimelineEntryView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("OrderEventConnection")
public class OrderEventConnection extends Connection<TimelineEntryView> {

    public static OrderEventConnection of(Page<TimelineEntryView> page) {
        Connection<TimelineEntryView> c = Connection.of(page, TimelineEntryView::id);
        OrderEventConnection out = new OrderEventConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
