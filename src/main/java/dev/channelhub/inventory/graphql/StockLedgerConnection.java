package dev.channelhub.inventory.graphql;

import dev.channelhub.inventory.LedgerEntryView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("StockLedgerConnection")
public class StockLedgerConnection extends Connection<LedgerEntryView> {

    public static StockLedgerConnection of(Page<LedgerEntryView> page) {
        Connection<LedgerEntryView> c = Connection.of(page, LedgerEntryView::id);
        StockLedgerConnection out = new StockLedgerConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
