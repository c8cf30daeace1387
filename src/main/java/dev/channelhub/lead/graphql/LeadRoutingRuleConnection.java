package dev.channelhub.lead.graphql;

import dev.channelhub.lead.RoutingRuleView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("LeadRoutingRuleConnection")
public class LeadRoutingRuleConnection extends Connection<RoutingRuleView> {

    public static LeadRoutingRuleConnection of(Page<RoutingRuleView> page) {
        Connection<RoutingRuleView> c = Connection.of(page, RoutingRuleView::id);
        LeadRoutingRuleConnection out = new LeadRoutingRuleConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
