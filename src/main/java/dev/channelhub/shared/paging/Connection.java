package dev.channelhub.shared.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The GraphQL (Relay) view of a {@link Page}: edges with cursors and pageInfo. */
public class Connection<T> {

    public List<Edge<T>> edges;
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
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor;
        return new Connection<>(edges, new PageInfo(page.nextCursor() != null, end));
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

    public static class PageInfo {
        public boolean hasNextPage;
        public String endCursor;

        public PageInfo() {
        }

        public PageInfo(boolean hasNextPage, String endCursor) {
            this.hasNextPage = hasNextPage;
            this.endCursor = endCursor;
        }
    }
}
