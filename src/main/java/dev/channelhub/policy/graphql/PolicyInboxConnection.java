package dev.channelhub.policy.graphql;

import dev.channelhub.policy.InboxItem;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import org.eclipse.microprofile.graphql.Type;

import java.util.ArrayList;
import java.util.List;

@Type("PolicyInboxConnection")
public class PolicyInboxConnection extends Connection<InboxItem> {

    /** Cursors come from the page's own keys (unread rank and id), the last one being the page's next cursor. */
    public static PolicyInboxConnection of(Page<InboxItem> page, List<String> keys) {
        PolicyInboxConnection out = new PolicyInboxConnection();
        out.edges = new ArrayList<>();
        for (int i = 0; i < page.items().size(); i++) {
            out.edges.add(new Edge<>(PageRequest.encode(keys.get(i)), page.items().get(i)));
        }
        out.pageInfo = PageInfo.of(out.edges, page.nextCursor() != null);
        return out;
    }
}
