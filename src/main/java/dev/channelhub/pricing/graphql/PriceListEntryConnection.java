package dev.channelhub.pricing.graphql;

import dev.channelhub.pricing.PriceEntry;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("PriceListEntryConnection")
public class PriceListEntryConnection extends Connection<PriceEntry> {

    public static PriceListEntryConnection of(Page<PriceEntry> page) {
        Connection<PriceEntry> c = Connection.of(page, dev.channelhub.pricing.EntryPage::key);
        PriceListEntryConnection out = new PriceListEntryConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
