package dev.channelhub.rebate.graphql;

import dev.channelhub.rebate.RebateProgramView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("RebateProgramConnection")
public class RebateProgramConnection extends Connection<RebateProgramView> {

    public static RebateProgramConnection of(Page<RebateProgramView> page) {
        Connection<RebateProgramView> c = Connection.of(page, RebateProgramView::id);
        RebateProgramConnection out = new RebateProgramConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
