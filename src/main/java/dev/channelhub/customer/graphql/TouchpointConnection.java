package dev.channelhub.customer.graphql;

import dev.channelhub.customer.CustomerService;
import dev.channelhub.customer.TouchpointView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("TouchpointConnection")
public class TouchpointConnection extends Connection<TouchpointView> {

    public static TouchpointConnection of(Page<TouchpointView> page) {
        Connection<TouchpointView> c = Connection.of(page, CustomerService::touchpointKey);
        TouchpointConnection out = new TouchpointConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
