package dev.channelhub.aftersales.graphql;

import dev.channelhub.aftersales.ReturnView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("ReturnConnection")
public class ReturnConnection extends Connection<ReturnView> {

    public static ReturnConnection of(Page<ReturnView> page) {
        Connection<ReturnView> c = Connection.of(page, ReturnView::id);
        ReturnConnection out = new ReturnConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
