package dev.channelhub.aftersales.graphql;

import dev.channelhub.aftersales.ServiceCaseView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("ServiceCaseConnection")
public class ServiceCaseConnection extends Connection<ServiceCaseView> {

    public static ServiceCaseConnection of(Page<ServiceCaseView> page) {
        Connection<ServiceCaseView> c = Connection.of(page, ServiceCaseView::id);
        ServiceCaseConnection out = new ServiceCaseConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
