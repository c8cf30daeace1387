package dev.channelhub.analytics.graphql;

import dev.channelhub.analytics.ProfitabilityRow;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("ProfitabilityConnection")
public class ProfitabilityConnection extends Connection<ProfitabilityRow> {

    public static ProfitabilityConnection of(Page<ProfitabilityRow> page) {
        Connection<ProfitabilityRow> c = Connection.of(page, ProfitabilityRow::cursorKey);
        ProfitabilityConnection out = new ProfitabilityConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
