package dev.channelhub.lead.graphql;

import dev.channelhub.lead.DealView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("DealConnection")
public class DealConnection extends Connection<DealView> {

    public static DealConnection of(Page<DealView> page) {
        Connection<DealView> c = Connection.of(page, DealView::id);
        DealConnection out = new DealConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
