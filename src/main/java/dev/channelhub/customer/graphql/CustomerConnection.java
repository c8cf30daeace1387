package dev.channelhub.customer.graphql;

import dev.channelhub.customer.CustomerView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("CustomerConnection")
public class CustomerConnection extends Connection<CustomerView> {

    public static CustomerConnection of(Page<CustomerView> page) {
        Connection<CustomerView> c = Connection.of(page, CustomerView::id);
        CustomerConnection out = new CustomerConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
