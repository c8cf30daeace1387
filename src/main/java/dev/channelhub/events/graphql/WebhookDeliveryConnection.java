package dev.channelhub.events.graphql;

import dev.channelhub.events.DeliveryView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("WebhookDeliveryConnection")
public class WebhookDeliveryConnection extends Connection<DeliveryView> {

    public static WebhookDeliveryConnection of(Page<DeliveryView> page) {
        Connection<DeliveryView> c = Connection.of(page, DeliveryView::id);
        WebhookDeliveryConnection out = new WebhookDeliveryConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
