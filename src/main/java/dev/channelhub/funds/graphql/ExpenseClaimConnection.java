package dev.channelhub.funds.graphql;

import dev.channelhub.funds.ExpenseClaimView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("ExpenseClaimConnection")
public class ExpenseClaimConnection extends Connection<ExpenseClaimView> {

    public static ExpenseClaimConnection of(Page<ExpenseClaimView> page) {
        Connection<ExpenseClaimView> c = Connection.of(page, ExpenseClaimView::id);
        ExpenseClaimConnection out = new ExpenseClaimConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
