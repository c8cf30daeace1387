package dev.channelhub.events.graphql;

import dev.channelhub.events.WebhookView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("WebhookConnection")
public class WebhookConnection extends Connection<WebhookView> {

    public static WebhookConnection of(Page<WebhookView> page) {
        Connection<WebhookView> c = Connection.of(page, WebhookView::id);
        WebhookConnection out = new WebhookConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
