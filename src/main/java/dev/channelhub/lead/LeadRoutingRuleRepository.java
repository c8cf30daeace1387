package dev.channelhub.lead;

import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Lead routing rules. Writes are entities ({@link LeadRoutingRuleEntity}) in the service's Hibernate Reactive
 * transaction, found by their {@link TenantKey}. Reads stay SQL on the pool, and routing reads every rule of the tenant
 * inside the lead's own pool transaction (under the tenant's routing lock). Every statement is scoped by tenant.
 */
@ApplicationScoped
public class LeadRoutingRuleRepository implements PanacheRepositoryBase<LeadRoutingRuleEntity, TenantKey> {

    static final String COLUMNS = """
            id, priority, match_regions, match_categories, match_min_value, target_channel_id, target_group_id, version,
            created_at, updated_at""";

    /** Every rule of the tenant in routing order (priority first). */
    private static final String ALL = """
            select %s from lead_routing_rule where tenant_id = $1 order by priority desc, id""".formatted(COLUMNS);

    private static final String FIND = """
            select %s from lead_routing_rule where tenant_id = $1 and id = $2""".formatted(COLUMNS);

    private static final String PAGE = """
            select %s from lead_routing_rule where tenant_id = $1 and ($2::uuid is null or id > $2)
            order by id limit $3""".formatted(COLUMNS);

    private final Db db;

    public LeadRoutingRuleRepository(Db db) {
        this.db = db;
    }

    // ---- entities, in the caller's Hibernate Reactive transaction

    /** The rule row locked for the rest of the transaction ({@code for no key update}); null when absent. */
    public Uni<LeadRoutingRuleEntity> lockEntity(String tenant, UUID id) {
        return findById(TenantKey.of(tenant, id), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Deletes the rule in one statement; false when the tenant has no such rule. */
    public Uni<Boolean> deleteEntity(String tenant, UUID id) {
        return delete("tenantId = ?1 and id = ?2", tenant, id).map(n -> n == 1);
    }

    // ---- SQL on the pool (reads) or on a lead's transaction (routing)

    public Uni<List<RoutingRuleView>> rules(SqlClient client, String tenant) {
        return db.list(client, ALL, Tuple.of(tenant), LeadRoutingRuleRepository::toView);
    }

    public Uni<List<RoutingRuleView>> page(String tenant, PageRequest page) {
        return db.list(PAGE, Tuple.of(tenant, page.afterId(), page.fetchSize()), LeadRoutingRuleRepository::toView);
    }

    public Uni<Optional<RoutingRuleView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND, Tuple.of(tenant, id), LeadRoutingRuleRepository::toView);
    }

    static RoutingRuleView toView(Row r) {
        return new RoutingRuleView(r.getUUID("id").toString(), r.getInteger("priority"),
                new RuleMatch(list(r.getArrayOfStrings("match_regions")), list(r.getArrayOfStrings("match_categories")),
                        Money.round(r.getBigDecimal("match_min_value"), Money.DEFAULT_CURRENCY)),
                new RuleTarget(str(r.getUUID("target_channel_id")), str(r.getUUID("target_group_id"))),
                r.getInteger("version"), r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
    }

    private static List<String> list(String[] values) {
        return values == null ? null : List.of(values);
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
