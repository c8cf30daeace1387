package dev.channelhub.shared.relay;

import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * One type that {@code Query.node(id)} resolves, contributed by the feature that owns it as a CDI bean: the GraphQL type
 * name, the table its ids live in (every table has {@code tenant_id} and a {@code uuid id}), and the feature SERVICE's
 * read-one use case, which applies the caller's role and partner scoping (another partner's object is NOT_FOUND).
 */
public interface NodeKind {

    String type();

    String table();

    Uni<? extends Node> load(Caller caller, UUID id);

    /**
     * Whether {@link #loadAll} reads many ids of this type in one go; otherwise {@code nodes(ids)} calls {@link #load}
     * once per id.
     */
    default boolean batched() {
        return false;
    }

    /**
     * The objects with these ids that the caller may read, in any order (ids it may not read are simply absent: NOT_FOUND);
     * fails with the service's ApiException (e.g. FORBIDDEN) when the caller's role may not read the type at all.
     * Only called when {@link #batched()}.
     */
    default Uni<? extends List<? extends Node>> loadAll(Caller caller, List<UUID> ids) {
        throw new UnsupportedOperationException(type() + " reads one id at a time");
    }

    /** A kind whose {@code nodes(ids)} costs one read for all its ids ({@code loadAll}) instead of one per id. */
    static NodeKind batched(String type, String table, BiFunction<Caller, UUID, Uni<? extends Node>> load,
                            BiFunction<Caller, List<UUID>, Uni<? extends List<? extends Node>>> loadAll) {
        return new NodeKind() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public String table() {
                return table;
            }

            @Override
            public Uni<? extends Node> load(Caller caller, UUID id) {
                return load.apply(caller, id);
            }

            @Override
            public boolean batched() {
                return true;
            }

            @Override
            public Uni<? extends List<? extends Node>> loadAll(Caller caller, List<UUID> ids) {
                return loadAll.apply(caller, ids);
            }
        };
    }

    static NodeKind of(String type, String table, BiFunction<Caller, UUID, Uni<? extends Node>> load) {
        return new NodeKind() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public String table() {
                return table;
            }

            @Override
            public Uni<? extends Node> load(Caller caller, UUID id) {
                return load.apply(caller, id);
            }
        };
    }
}
