package dev.channelhub.analytics.graphql;

import dev.channelhub.analytics.SalesRow;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("SalesReportConnection")
public class SalesReportConnection extends Connection<SalesRow> {

    public static SalesReportConnection of(Page<SalesRow> page) {
        Connection<SalesRow> c = Connection.of(page, SalesRow::cursorKey);
        SalesReportConnection out = new SalesReportConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
