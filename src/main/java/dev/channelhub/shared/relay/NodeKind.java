package dev.channelhub.shared.relay;

import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;

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
