package dev.channelhub.rebate.graphql;

import dev.channelhub.rebate.RebateLedgerEntryView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("RebateLedgerEntryConnection")
public class RebateLedgerEntryConnection extends Connection<RebateLedgerEntryView> {

    public static RebateLedgerEntryConnection of(Page<RebateLedgerEntryView> page) {
        Connection<RebateLedgerEntryView> c = Connection.of(page, RebateLedgerEntryView::id);
        RebateLedgerEntryConnection out = new RebateLedgerEntryConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
