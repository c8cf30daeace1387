package dev.channelhub.shared.paging;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The GraphQL (Relay) view of a {@link Page}: edges with cursors and pageInfo. */
public class Connection<T> {

    public List<Edge<T>> edges;
    @NonNull
    public PageInfo pageInfo;

    public Connection() {
    }

    public Connection(List<Edge<T>> edges, PageInfo pageInfo) {
        this.edges = edges;
        this.pageInfo = pageInfo;
    }

    public static <T> Connection<T> of(Page<T> page, Function<T, String> key) {
        List<Edge<T>> edges = new ArrayList<>(page.items().size());
        for (T item : page.items()) {
            edges.add(new Edge<>(PageRequest.encode(key.apply(item)), item));
        }
        return new Connection<>(edges, PageInfo.of(edges, page.nextCursor() != null));
    }

    public static class Edge<T> {
        public String cursor;
        public T node;

        public Edge() {
        }

        public Edge(String cursor, T node) {
            this.cursor = cursor;
            this.node = node;
        }
    }

    @Description("Relay page information; connections page forward, with first and after")
    public static class PageInfo {
        public boolean hasNextPage;
        @Description("Always false: connections page forward only (first/after), so no page is offered before this one")
        public boolean hasPreviousPage;
        @Description("The cursor of the first edge; null when there are no edges")
        public String startCursor;
        @Description("The cursor of the last edge, to pass as after for the next page; null when there are no edges")
        public String endCursor;

        public PageInfo() {
        }

        public PageInfo(boolean hasNextPage, String startCursor, String endCursor) {
            this.hasNextPage = hasNextPage;
            this.startCursor = startCursor;
            this.endCursor = endCursor;
        }

        public static PageInfo of(List<? extends Edge<?>> edges, boolean hasNextPage) {
            return edges.isEmpty() ? new PageInfo(hasNextPage, null, null)
                    : new PageInfo(hasNextPage, edges.get(0).cursor, edges.get(edges.size() - 1).cursor);
        }
    }
}
