package dev.channelhub.customer.graphql;

import dev.channelhub.customer.HistoryEntry;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("CustomerHistoryConnection")
public class CustomerHistoryConnection extends Connection<HistoryEntry> {

    public static CustomerHistoryConnection of(Page<HistoryEntry> page) {
        Connection<HistoryEntry> c = Connection.of(page, HistoryEntry::id);
        CustomerHistoryConnection out = new CustomerHistoryConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
