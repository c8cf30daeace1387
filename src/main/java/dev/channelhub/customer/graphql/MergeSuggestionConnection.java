package dev.channelhub.customer.graphql;

import dev.channelhub.customer.MergeSuggestionView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("CustomerMergeSuggestionConnection")
public class MergeSuggestionConnection extends Connection<MergeSuggestionView> {

    public static MergeSuggestionConnection of(Page<MergeSuggestionView> page) {
        Connection<MergeSuggestionView> c = Connection.of(page, MergeSuggestionView::id);
        MergeSuggestionConnection out = new MergeSuggestionConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
