package dev.channelhub.shared.relay;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which type each id belongs to: ONE statement, a {@code union all} of {@link #KIND_OF_IDS} over the owning table of
 * every {@link NodeKind}, limited to the caller's tenant.
 */
@ApplicationScoped
public class NodeRepository {

    /** One branch of the lookup; {@code %1$s} is the GraphQL type name, {@code %2$s} the owning table (both from code, never input). */
    private static final String KIND_OF_IDS = """
            select '%1$s' as kind, id from %2$s where tenant_id = $1 and id = any($2)""";

    private final Db db;

    public NodeRepository(Db db) {
        this.db = db;
    }

    /** The lookup statement over these kinds, built once by the caller. */
    static String lookup(Collection<NodeKind> kinds) {
        return kinds.stream().sorted((a, b) -> a.type().compareTo(b.type()))
                .map(k -> KIND_OF_IDS.formatted(k.type(), k.table()))
                .collect(Collectors.joining(" union all "));
    }

    /** The type name of each id found in the tenant; ids not found are absent. */
    public Uni<Map<UUID, String>> kindsOf(String lookup, String tenant, Collection<UUID> ids) {
        return db.list(lookup, Tuple.of(tenant, ids.toArray(UUID[]::new)),
                        row -> Map.entry(row.getUUID("id"), row.getString("kind")))
                .map((List<Map.Entry<UUID, String>> rows) -> rows.stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a)));
    }
}
