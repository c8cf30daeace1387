package dev.channelhub.policy.graphql;

import dev.channelhub.policy.PolicyView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("PolicyConnection")
public class PolicyConnection extends Connection<PolicyView> {

    public static PolicyConnection of(Page<PolicyView> page) {
        Connection<PolicyView> c = Connection.of(page, PolicyView::id);
        PolicyConnection out = new PolicyConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
