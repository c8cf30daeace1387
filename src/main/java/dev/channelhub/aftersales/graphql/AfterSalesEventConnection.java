package dev.channelhub.aftersales.graphql;

import dev.channelhub.aftersales.AfterSalesEventView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("AfterSalesEventConnection")
public class AfterSalesEventConnection extends Connection<AfterSalesEventView> {

    public static AfterSalesEventConnection of(Page<AfterSalesEventView> page) {
        Connection<AfterSalesEventView> c = Connection.of(page, AfterSalesEventView::id);
        AfterSalesEventConnection out = new AfterSalesEventConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
