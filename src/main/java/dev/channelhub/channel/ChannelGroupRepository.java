package dev.channelhub.channel;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * SQL for channel groups. Membership is always static members ∪ rule matches, evaluated in SQL so that
 * nobody ever loads a group's channels to decide membership.
 */
@ApplicationScoped
public class ChannelGroupRepository {

    /** Group {@code g} has a rule and channel {@code c} matches every field of it that is set. */
    static final String RULE_MATCHES = "g.has_rule"
            + " and (g.rule_types is null or c.type = any(g.rule_types))"
            + " and (g.rule_tiers is null or c.tier = any(g.rule_tiers))"
            + " and (g.rule_regions is null or c.region = any(g.rule_regions))";

    @Inject
    Db db;

    /** Ids of the groups channel $2 belongs to: its static memberships plus the tenant's rule groups it matches. */
    public Uni<List<UUID>> groupIdsOf(SqlClient client, String tenant, UUID channelId) {
        return db.list(client, "select m.group_id as id from channel_group_member m where m.tenant_id = $1 and m.channel_id = $2"
                        + " union select g.id from channel c join channel_group g on g.tenant_id = c.tenant_id and " + RULE_MATCHES
                        + " where c.tenant_id = $1 and c.id = $2 order by 1",
                Tuple.of(tenant, channelId), r -> r.getUUID("id"));
    }

    /** Every channel that is a member of any of the groups, unpaged. */
    public Uni<List<UUID>> memberIds(SqlClient client, String tenant, List<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return db.list(client, "select m.channel_id as id from channel_group_member m where m.tenant_id = $1 and m.group_id = any($2)"
                        + " union select c.id from channel_group g join channel c on c.tenant_id = g.tenant_id and " + RULE_MATCHES
                        + " where g.tenant_id = $1 and g.id = any($2) order by 1",
                Tuple.of(tenant, groupIds.toArray(new UUID[0])), r -> r.getUUID("id"));
    }
}
