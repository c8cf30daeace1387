package dev.channelhub.shared.relay;

import dev.channelhub.shared.error.ApiErrors;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.security.CurrentCaller;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.smallrye.mutiny.Uni;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.GraphQLException;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Relay's {@code node(id)} and {@code nodes(ids)} (see {@link NodeService}). */
@GraphQLApi
public class NodeGraphQL {

    @Inject
    NodeService service;

    @Inject
    CurrentCaller caller;

    @Query("node")
    @Description("Any object that implements Node, by its id, with the caller's rights: the same answer as the type's own "
            + "read-one field (channel, order, ...). An id of another tenant, of another partner's object or that was never "
            + "used is null with a NOT_FOUND error.")
    public Uni<Node> node(@NonNull @Id @Description("The object's id (its id field)") String id) {
        return Uni.createFrom().deferred(() -> service.node(caller.get(), id)).onFailure().transform(ApiErrors::from);
    }

    @Query("nodes")
    @NonNull
    @Description("Several objects by id (at most 100), in the order asked for; null where an id cannot be read, and then "
            + "one error (path nodes) whose extensions.indexes lists those positions (0-based, as JSON numbers) and extensions.code says why: NOT_FOUND, "
            + "or FORBIDDEN for a type the caller's role may not read")
    // ids: the schema says [ID!]! (shared/web/EdgeTypeNames); SmallRye cannot put @Id on a list's elements
    public Uni<List<Node>> nodes(@NonNull @Description("The objects' ids") List<@NonNull String> ids) {
        return Uni.createFrom().deferred(() -> service.resolve(caller.get(), ids)).onFailure().transform(ApiErrors::from)
                .flatMap(found -> found.errors().isEmpty() ? Uni.createFrom().item(found.nodes())
                        : Uni.createFrom().failure(new PartlyResolved(found)));
    }

    /**
     * The nodes that could be read, as partial data, and one error for the rest. SmallRye answers a
     * {@link GraphQLException} with its partial results as {@code data} and this (a {@link GraphQLError}) as the error,
     * whose extensions carry the first missing id's code and every missing index (JSON numbers).
     */
    static final class PartlyResolved extends GraphQLException implements GraphQLError {
        private final transient Map<String, Object> extensions = new LinkedHashMap<>();

        PartlyResolved(NodeService.Resolved found) {
            super(message(found), found.nodes());
            ApiException first = found.errors().values().iterator().next();
            extensions.put("code", first.code().name());
            extensions.put("classification", first.code().name());
            // a JsonValue: SmallRye writes any other extension value (a List too) as its toString(), i.e. as text
            JsonArrayBuilder indexes = Json.createArrayBuilder();
            found.errors().keySet().forEach(indexes::add);
            extensions.put("indexes", indexes.build());
        }

        private static String message(NodeService.Resolved found) {
            StringBuilder b = new StringBuilder();
            found.errors().forEach((index, e) -> b.append(b.isEmpty() ? "" : "; ").append("ids[").append(index).append("]: ")
                    .append(e.getMessage()));
            return b.toString();
        }

        @Override
        public List<SourceLocation> getLocations() {
            return null;
        }

        @Override
        public ErrorClassification getErrorType() {
            return null;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return extensions;
        }
    }
}
