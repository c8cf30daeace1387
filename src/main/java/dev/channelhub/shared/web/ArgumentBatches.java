package dev.channelhub.shared.web;

import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.security.Caller;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Batching for GraphQL fields that take arguments.
 * <p>
 * SmallRye's {@code @Source List<T>} batching keeps one DataLoader per field, caches by source and hands the first
 * caller's arguments to the whole batch: two aliases of one field with different arguments on the same objects
 * ({@code one: price(quantity: 1)} and {@code ten: price(quantity: 10)}) would silently get the same answer. Here
 * the loader key is (arguments, source): every distinct set of arguments is resolved once for all the objects of
 * the level, so a page still costs a constant number of statements per distinct argument set.
 * <p>
 * {@code arguments} must have value equality (a record) and carry everything the batch needs from the request
 * (the caller, defaults): the batch runs when graphql-java dispatches, outside the resolver's call.
 */
@ApplicationScoped
public class ArgumentBatches {

    @Inject
    Context context;

    public <A, S, V> Uni<V> load(String field, A arguments, S source, BiFunction<A, List<S>, Uni<List<V>>> batch) {
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        DataLoader<Key<A, S>, V> loader = env.getDataLoaderRegistry().computeIfAbsent("channelhub/" + field,
                name -> DataLoaderFactory.newDataLoader((List<Key<A, S>> keys) -> resolve(keys, batch)));
        CompletableFuture<V> value = loader.load(new Key<>(arguments, source));
        return Uni.createFrom().completionStage(value);
    }

    private static <A, S, V> CompletableFuture<List<V>> resolve(List<Key<A, S>> keys, BiFunction<A, List<S>, Uni<List<V>>> batch) {
        Map<A, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            positions.computeIfAbsent(keys.get(i).arguments(), a -> new ArrayList<>()).add(i);
        }
        List<Uni<Void>> groups = new ArrayList<>(positions.size());
        List<V> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            out.add(null);
        }
        positions.forEach((arguments, at) -> {
            List<S> sources = at.stream().map(i -> keys.get(i).source()).toList();
            groups.add(Uni.createFrom().deferred(() -> batch.apply(arguments, sources)).map(values -> {
                for (int j = 0; j < at.size(); j++) {
                    out.set(at.get(j), values.get(j));
                }
                return null;
            }));
        });
        return Uni.join().all(groups).andFailFast().map(x -> out).subscribeAsCompletionStage();
    }

    private record Key<A, S>(A arguments, S source) {
    }

    /** The arguments of a paged field ({@code first}, {@code after}) with the caller, as a batch key. */
    public record PageArgs(Caller caller, PageRequest page) {
    }
}
