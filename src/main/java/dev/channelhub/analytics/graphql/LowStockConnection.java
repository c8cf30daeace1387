package dev.channelhub.analytics.graphql;

import dev.channelhub.analytics.LowStockRow;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("LowStockConnection")
public class LowStockConnection extends Connection<LowStockRow> {

    public static LowStockConnection of(Page<LowStockRow> page) {
        Connection<LowStockRow> c = Connection.of(page, LowStockRow::sku);
        LowStockConnection out = new LowStockConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
