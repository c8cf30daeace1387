package dev.channelhub.training.graphql;

import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.training.CertificationView;
import org.eclipse.microprofile.graphql.Type;

@Type("CertificationConnection")
public class CertificationConnection extends Connection<CertificationView> {

    public static CertificationConnection of(Page<CertificationView> page) {
        Connection<CertificationView> c = Connection.of(page, CertificationView::id);
        CertificationConnection out = new CertificationConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
