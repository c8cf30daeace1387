package dev.channelhub.order.graphql;

import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.order.PaymentProofView;
import org.eclipse.microprofile.graphql.Type;

@Type("PaymentProofConnection")
public class PaymentProofConnection extends Connection<PaymentProofView> {

    public static PaymentProofConnection of(Page<PaymentProofView> page) {
        Connection<PaymentProofView> c = Connection.of(page, PaymentProofView::id);
        PaymentProofConnection out = new PaymentProofConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
