package dev.channelhub.catalog.graphql;

import dev.channelhub.catalog.ProductView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("ProductConnection")
public class ProductConnection extends Connection<ProductView> {

    public static ProductConnection of(Page<ProductView> page) {
        Connection<ProductView> c = Connection.of(page, ProductView::id);
        ProductConnection out = new ProductConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
