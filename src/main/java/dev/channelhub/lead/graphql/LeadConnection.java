package dev.channelhub.lead.graphql;

import dev.channelhub.lead.LeadView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("LeadConnection")
public class LeadConnection extends Connection<LeadView> {

    public static LeadConnection of(Page<LeadView> page) {
        Connection<LeadView> c = Connection.of(page, LeadView::id);
        LeadConnection out = new LeadConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
