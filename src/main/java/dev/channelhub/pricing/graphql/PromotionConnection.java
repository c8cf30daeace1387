package dev.channelhub.pricing.graphql;

import dev.channelhub.pricing.PromotionView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("PromotionConnection")
public class PromotionConnection extends Connection<PromotionView> {

    public static PromotionConnection of(Page<PromotionView> page) {
        Connection<PromotionView> c = Connection.of(page, PromotionView::id);
        PromotionConnection out = new PromotionConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
