package dev.channelhub.shared.relay;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.security.Caller;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code Query.node(id)} / {@code nodes(ids)}: which type an id belongs to is found with ONE statement over the owning
 * tables of the caller's tenant (ids are UUIDv7, unique across tables, so the id itself is the global id and stays the
 * value clients already use); each object is then read through its feature's service ({@link NodeKind#load}), so the
 * caller's role and partner scoping apply exactly as in the type's own read-one operation. Another tenant's id, an id
 * that was never used, a malformed id and another partner's object all answer NOT_FOUND (null in {@code nodes}).
 */
@ApplicationScoped
public class NodeService {

    /** The most ids one {@code nodes} call resolves. */
    public static final int MAX_IDS = 100;

    private final NodeRepository repository;
    private final Map<String, NodeKind> kinds = new HashMap<>();
    private final String lookup;

    public NodeService(NodeRepository repository, @All List<NodeKind> kinds) {
        this.repository = repository;
        for (NodeKind kind : kinds) {
            if (this.kinds.put(kind.type(), kind) != null) {
                throw new IllegalStateException("two NodeKinds for type " + kind.type());
            }
        }
        this.lookup = NodeRepository.lookup(kinds);
    }

    /** The GraphQL type names node(id) resolves. */
    public Set<String> types() {
        return kinds.keySet();
    }

    /** One object; the service's own error (NOT_FOUND for an id the caller may not see, FORBIDDEN for a role that may not read the type). */
    public Uni<Node> node(Caller caller, String id) {
        return resolve(caller, List.of(id)).map(found -> {
            if (found.nodes().get(0) == null) {
                throw found.errors().get(0);
            }
            return found.nodes().get(0);
        });
    }

    /**
     * The objects in the order of {@code ids}; null where an id cannot be read, with the reason by index in
     * {@link Resolved#errors()} (NOT_FOUND, or the FORBIDDEN of a role that may not read that type).
     */
    public Uni<Resolved> resolve(Caller caller, List<String> ids) {
        if (ids.size() > MAX_IDS) {
            throw ApiException.invalid("ids", "at most " + MAX_IDS + " ids per call");
        }
        List<UUID> parsed = new ArrayList<>(ids.size());
        Set<UUID> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            UUID uuid = parse(id);
            parsed.add(uuid);
            if (uuid != null) {
                distinct.add(uuid);
            }
        }
        Uni<Map<UUID, String>> kindsOf = distinct.isEmpty() || kinds.isEmpty() ? Uni.createFrom().item(Map.of())
                : repository.kindsOf(lookup, caller.tenant(), distinct);
        return kindsOf.flatMap(kindOf -> {
            Map<UUID, Object> loaded = new HashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            Map<NodeKind, List<UUID>> batches = new LinkedHashMap<>();
            // one after another: nodes is bounded by MAX_IDS, and the services' reads need nothing in common
            for (UUID id : distinct) {
                String kind = kindOf.get(id);
                if (kind == null) {
                    continue;
                }
                NodeKind nodeKind = kinds.get(kind);
                if (nodeKind.batched()) {
                    batches.computeIfAbsent(nodeKind, k -> new ArrayList<>()).add(id);
                    continue;
                }
                chain = chain.flatMap(v -> load(caller, nodeKind, id).invoke(result -> loaded.put(id, result))).replaceWithVoid();
            }
            // batched kinds: one read per kind for all its ids
            for (Map.Entry<NodeKind, List<UUID>> batch : batches.entrySet()) {
                chain = chain.flatMap(v -> loadAll(caller, batch.getKey(), batch.getValue()).invoke(results -> {
                    if (results instanceof ApiException e) {
                        batch.getValue().forEach(id -> loaded.put(id, e));
                    } else {
                        ((List<?>) results).forEach(n -> loaded.put(UUID.fromString(((Node) n).id()), n));
                    }
                })).replaceWithVoid();
            }
            return chain.map(v -> {
                List<Node> nodes = new ArrayList<>(parsed.size());
                Map<Integer, ApiException> errors = new LinkedHashMap<>();
                for (int i = 0; i < parsed.size(); i++) {
                    Object result = parsed.get(i) == null ? null : loaded.get(parsed.get(i));
                    if (result instanceof Node node) {
                        nodes.add(node);
                    } else {
                        nodes.add(null);
                        errors.put(i, result instanceof ApiException e ? e : ApiException.notFound("node", ids.get(i)));
                    }
                }
                return new Resolved(nodes, errors);
            });
        });
    }

    /** {@code nodes} in the order asked for, null where unreadable; {@code errors} by index, one per null. */
    public record Resolved(List<Node> nodes, Map<Integer, ApiException> errors) {
    }

    /** The node, or the ApiException (NOT_FOUND / FORBIDDEN) its service answered. */
    private static Uni<Object> load(Caller caller, NodeKind kind, UUID id) {
        Uni<? extends Node> read;
        try {
            read = kind.load(caller, id);
        } catch (ApiException e) {
            read = Uni.createFrom().failure(e);
        }
        return read.<Object>map(n -> n).onFailure(e -> e instanceof ApiException a
                && (a.code() == ErrorCode.NOT_FOUND || a.code() == ErrorCode.FORBIDDEN)).recoverWithItem(e -> e);
    }

    /** The nodes a batched kind read (a List), or the ApiException (NOT_FOUND / FORBIDDEN) its service answered for all. */
    private static Uni<Object> loadAll(Caller caller, NodeKind kind, List<UUID> ids) {
        Uni<? extends List<? extends Node>> read;
        try {
            read = kind.loadAll(caller, ids);
        } catch (ApiException e) {
            read = Uni.createFrom().failure(e);
        }
        return read.<Object>map(n -> n).onFailure(e -> e instanceof ApiException a
                && (a.code() == ErrorCode.NOT_FOUND || a.code() == ErrorCode.FORBIDDEN)).recoverWithItem(e -> e);
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
