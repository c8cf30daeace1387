package dev.channelhub.pricing.graphql;

import dev.channelhub.pricing.PriceListView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("PriceListConnection")
public class PriceListConnection extends Connection<PriceListView> {

    public static PriceListConnection of(Page<PriceListView> page) {
        Connection<PriceListView> c = Connection.of(page, PriceListView::id);
        PriceListConnection out = new PriceListConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
