package dev.channelhub.channel.graphql;

import dev.channelhub.channel.RatingView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("ChannelRatingConnection")
public class RatingConnection extends Connection<RatingView> {

    public static RatingConnection of(Page<RatingView> page) {
        Connection<RatingView> c = Connection.of(page, RatingView::id);
        RatingConnection out = new RatingConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
