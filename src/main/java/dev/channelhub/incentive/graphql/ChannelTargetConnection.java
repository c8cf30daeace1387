package dev.channelhub.incentive.graphql;

import dev.channelhub.incentive.ChannelTargetView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import org.eclipse.microprofile.graphql.Type;

import java.util.ArrayList;
import java.util.List;

@Type("ChannelTargetConnection")
public class ChannelTargetConnection extends Connection<ChannelTargetView> {

    /** Cursors come from the page's own keys (ranking position or period code), the last one being the next cursor. */
    public static ChannelTargetConnection of(Page<ChannelTargetView> page, List<String> keys) {
        ChannelTargetConnection out = new ChannelTargetConnection();
        out.edges = new ArrayList<>();
        for (int i = 0; i < page.items().size(); i++) {
            out.edges.add(new Edge<>(PageRequest.encode(keys.get(i)), page.items().get(i)));
        }
        out.pageInfo = PageInfo.of(out.edges, page.nextCursor() != null);
        return out;
    }
}
