package dev.channelhub.shared.paging;

import org.eclipse.microprofile.graphql.NonNull;
import java.util.List;
import java.util.function.Function;

/** One page of a REST list: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Page<T>(@NonNull List<T> items, String nextCursor) {

    /**
     * Cuts {@code rows} (fetched with {@link PageRequest#fetchSize()}) to the page and derives the next cursor
     * from the key of the last item kept.
     */
    public static <T> Page<T> of(List<T> rows, PageRequest request, Function<T, String> key) {
        if (rows.size() > request.limit()) {
            List<T> items = List.copyOf(rows.subList(0, request.limit()));
            return new Page<>(items, PageRequest.encode(key.apply(items.get(items.size() - 1))));
        }
        return new Page<>(List.copyOf(rows), null);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), nextCursor);
    }
}
