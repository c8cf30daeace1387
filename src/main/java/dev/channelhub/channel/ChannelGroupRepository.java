package dev.channelhub.channel;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.channelhub.shared.paging.PageRequest;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** A group's columns (alias {@code g}), with its static members aggregated in the same statement. */
    static final String GROUP_COLUMNS = "g.id, g.code, g.name, g.has_rule, g.rule_types, g.rule_tiers, g.rule_regions, g.version,"
            + " g.created_at, g.updated_at, array(select mm.channel_id from channel_group_member mm"
            + " where mm.tenant_id = g.tenant_id and mm.group_id = g.id order by mm.channel_id) as member_ids";

    @Inject
    Db db;

    public Uni<Void> insert(SqlClient tx, String tenant, UUID id, String code, String name, GroupRule rule, Instant now) {
        return db.query(tx, "insert into channel_group (tenant_id, id, code, name, has_rule, rule_types, rule_tiers, rule_regions, "
                        + "version, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9)",
                Tuple.from(new Object[]{tenant, id, code, name, rule != null, types(rule), array(rule == null ? null : rule.tiers()),
                        array(rule == null ? null : rule.regions()), now.atOffset(ZoneOffset.UTC)})).replaceWithVoid();
    }

    /** Writes name, code and rule and bumps the version when it is still {@code expected} (null: any). 0 rows = conflict. */
    public Uni<Integer> update(SqlClient tx, String tenant, UUID id, String code, String name, GroupRule rule, Instant now) {
        return db.query(tx, "update channel_group set code = $3, name = $4, has_rule = $5, rule_types = $6, rule_tiers = $7, "
                        + "rule_regions = $8, version = version + 1, updated_at = $9 where tenant_id = $1 and id = $2",
                Tuple.from(new Object[]{tenant, id, code, name, rule != null, types(rule), array(rule == null ? null : rule.tiers()),
                        array(rule == null ? null : rule.regions()), now.atOffset(ZoneOffset.UTC)})).map(r -> r.rowCount());
    }

    /** Replaces the static members with {@code members} (all already checked to be channels of the tenant). */
    public Uni<Void> replaceMembers(SqlClient tx, String tenant, UUID groupId, List<UUID> members) {
        return db.query(tx, "delete from channel_group_member where tenant_id = $1 and group_id = $2", Tuple.of(tenant, groupId))
                .flatMap(x -> members.isEmpty() ? Uni.createFrom().voidItem()
                        : db.query(tx, "insert into channel_group_member (tenant_id, group_id, channel_id) "
                                        + "select $1, $2, unnest($3::uuid[]) on conflict do nothing",
                                Tuple.of(tenant, groupId, members.toArray(new UUID[0]))).replaceWithVoid());
    }

    public Uni<Optional<ChannelGroupView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, "select " + GROUP_COLUMNS + " from channel_group g where g.tenant_id = $1 and g.id = $2",
                Tuple.of(tenant, id), ChannelGroupRepository::toView);
    }

    public Uni<Optional<ChannelGroupView>> lockForUpdate(SqlClient tx, String tenant, UUID id) {
        return db.one(tx, "select " + GROUP_COLUMNS + " from channel_group g where g.tenant_id = $1 and g.id = $2 for update",
                Tuple.of(tenant, id), ChannelGroupRepository::toView);
    }

    public Uni<List<ChannelGroupView>> list(String tenant, PageRequest page) {
        return db.list("select " + GROUP_COLUMNS + " from channel_group g where g.tenant_id = $1"
                        + (page.after() == null ? " and $2::uuid is null" : " and g.id > $2") + " order by g.id limit $3",
                Tuple.of(tenant, page.afterId(), page.fetchSize()), ChannelGroupRepository::toView);
    }

    /** The groups among {@code ids}, in one statement. */
    public Uni<List<ChannelGroupView>> findAll(String tenant, Collection<UUID> ids) {
        return db.list("select " + GROUP_COLUMNS + " from channel_group g where g.tenant_id = $1 and g.id = any($2)",
                Tuple.of(tenant, ids.toArray(new UUID[0])), ChannelGroupRepository::toView);
    }

    /** Which of {@code ids} are channels of the tenant. */
    public Uni<List<UUID>> existingChannels(SqlClient tx, String tenant, Collection<UUID> ids) {
        return db.list(tx, "select id from channel where tenant_id = $1 and id = any($2)",
                Tuple.of(tenant, ids.toArray(new UUID[0])), r -> r.getUUID("id"));
    }

    /** One page of the group's members (static ∪ rule matches, whatever their status), ordered by channel id. */
    public Uni<List<ChannelView>> members(String tenant, UUID groupId, PageRequest page) {
        return db.list("select " + ChannelRepository.columns("c") + " from channel_group g join channel c on c.tenant_id = g.tenant_id"
                        + " where g.tenant_id = $1 and g.id = $2"
                        + (page.after() == null ? " and $3::uuid is null" : " and c.id > $3")
                        + " and (exists (select 1 from channel_group_member m where m.tenant_id = $1 and m.group_id = $2 and m.channel_id = c.id)"
                        + " or (" + RULE_MATCHES + ")) order by c.id limit $4",
                Tuple.of(tenant, groupId, page.afterId(), page.fetchSize()), ChannelRepository::toView);
    }

    /**
     * The first page of members of each of several groups in one statement (batched GraphQL field): a lateral
     * page per group. Rows carry {@code group_id}.
     */
    public Uni<List<Map.Entry<UUID, ChannelView>>> membersOfGroups(String tenant, Collection<UUID> groupIds, PageRequest page) {
        return db.list("select g.id as group_id, c.* from channel_group g cross join lateral ("
                        + " select " + ChannelRepository.columns("c") + " from channel c where c.tenant_id = g.tenant_id"
                        + (page.after() == null ? " and $3::uuid is null" : " and c.id > $3")
                        + " and (exists (select 1 from channel_group_member m where m.tenant_id = g.tenant_id and m.group_id = g.id"
                        + " and m.channel_id = c.id) or (" + RULE_MATCHES + ")) order by c.id limit $4) c"
                        + " where g.tenant_id = $1 and g.id = any($2) order by g.id, c.id",
                Tuple.of(tenant, groupIds.toArray(new UUID[0]), page.afterId(), page.fetchSize()),
                r -> Map.entry(r.getUUID("group_id"), ChannelRepository.toView(r)));
    }

    /** One page of the groups channel $2 belongs to (static or rule). */
    public Uni<List<ChannelGroupView>> groupsOf(String tenant, UUID channelId, PageRequest page) {
        return db.list("select " + GROUP_COLUMNS + " from channel_group g where g.tenant_id = $1 and g.id in ("
                        + " select m.group_id from channel_group_member m where m.tenant_id = $1 and m.channel_id = $2"
                        + " union select g.id from channel c join channel_group g on g.tenant_id = c.tenant_id and " + RULE_MATCHES
                        + " where c.tenant_id = $1 and c.id = $2)"
                        + (page.after() == null ? " and $3::uuid is null" : " and g.id > $3") + " order by g.id limit $4",
                Tuple.of(tenant, channelId, page.afterId(), page.fetchSize()), ChannelGroupRepository::toView);
    }

    /** The groups of each of several channels in one statement (batched GraphQL field). Rows carry {@code channel_id}. */
    public Uni<List<Map.Entry<UUID, ChannelGroupView>>> groupsOfChannels(String tenant, Collection<UUID> channelIds) {
        return db.list("select x.channel_id, " + GROUP_COLUMNS + " from ("
                        + " select m.channel_id, m.group_id from channel_group_member m where m.tenant_id = $1 and m.channel_id = any($2)"
                        + " union select c.id, g.id from channel c join channel_group g on g.tenant_id = c.tenant_id and " + RULE_MATCHES
                        + " where c.tenant_id = $1 and c.id = any($2)) x"
                        + " join channel_group g on g.tenant_id = $1 and g.id = x.group_id order by x.channel_id, g.id",
                Tuple.of(tenant, channelIds.toArray(new UUID[0])),
                r -> Map.entry(r.getUUID("channel_id"), toView(r)));
    }

    static ChannelGroupView toView(Row r) {
        GroupRule rule = null;
        if (Boolean.TRUE.equals(r.getBoolean("has_rule"))) {
            String[] types = r.getArrayOfStrings("rule_types");
            String[] tiers = r.getArrayOfStrings("rule_tiers");
            String[] regions = r.getArrayOfStrings("rule_regions");
            rule = new GroupRule(types == null ? null : Arrays.stream(types).map(ChannelType::valueOf).toList(),
                    tiers == null ? null : List.of(tiers), regions == null ? null : List.of(regions));
        }
        UUID[] members = r.getArrayOfUUIDs("member_ids");
        return new ChannelGroupView(r.getUUID("id").toString(), r.getString("code"), r.getString("name"),
                members == null ? List.of() : Arrays.stream(members).map(UUID::toString).toList(), rule, r.getInteger("version"),
                r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
    }

    private static String[] types(GroupRule rule) {
        return rule == null || rule.types() == null ? null : rule.types().stream().map(Enum::name).toArray(String[]::new);
    }

    private static String[] array(List<String> values) {
        return values == null ? null : values.toArray(new String[0]);
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
