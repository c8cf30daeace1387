package dev.channelhub.order.graphql;

import dev.channelhub.order.OrderView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("OrderConnection")
public class OrderConnection extends Connection<OrderView> {

    public static OrderConnection of(Page<OrderView> page) {
        Connection<OrderView> c = Connection.of(page, OrderView::id);
        OrderConnection out = new OrderConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
