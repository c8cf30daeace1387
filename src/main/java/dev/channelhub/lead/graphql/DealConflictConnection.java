package dev.channelhub.lead.graphql;

import dev.channelhub.lead.DealConflictView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("DealConflictConnection")
public class DealConflictConnection extends Connection<DealConflictView> {

    public static DealConflictConnection of(Page<DealConflictView> page) {
        Connection<DealConflictView> c = Connection.of(page, DealConflictView::id);
        DealConflictConnection out = new DealConflictConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
