package dev.channelhub.analytics.foresight.graphql;

import dev.channelhub.analytics.foresight.GrowthRow;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("GrowthConnection")
public class GrowthConnection extends Connection<GrowthRow> {

    public static GrowthConnection of(Page<GrowthRow> page) {
        Connection<GrowthRow> c = Connection.of(page, GrowthRow::cursorKey);
        GrowthConnection out = new GrowthConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
