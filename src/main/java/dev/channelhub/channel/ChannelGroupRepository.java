package dev.channelhub.channel;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.channelhub.shared.paging.PageRequest;
import io.vertx.mutiny.sqlclient.Row;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Channel groups: the header is {@link ChannelGroupEntity}, written in the service's Hibernate Reactive transaction;
 * static members are rows written by native statements on the same session. Membership is always static members ∪
 * rule matches, evaluated in SQL so that nobody ever loads a group's channels to decide membership; those reads stay
 * on the pool (pricing and GraphQL batches run them, in parallel).
 */
@ApplicationScoped
public class ChannelGroupRepository implements PanacheRepositoryBase<ChannelGroupEntity, TenantKey> {

    /** Group {@code g} has a rule and channel {@code c} matches every field of it that is set. */
    static final String RULE_MATCHES = """
            g.has_rule and (g.rule_types is null or c.type = any(g.rule_types)) \
            and (g.rule_tiers is null or c.tier = any(g.rule_tiers)) and (g.rule_regions is null or c.region = any(g.rule_regions))""";

    /** A group's columns (alias {@code g}), with its static members aggregated in the same statement. */
    static final String GROUP_COLUMNS = """
            g.id, g.code, g.name, g.has_rule, g.rule_types, g.rule_tiers, g.rule_regions, g.version, g.created_at, g.updated_at, \
            array(select mm.channel_id from channel_group_member mm where mm.tenant_id = g.tenant_id and mm.group_id = g.id \
            order by mm.channel_id) as member_ids""";

    @Inject
    Db db;

    // ---- in the service's Hibernate Reactive transaction: the header is an entity, the static members rows

    private static final String DELETE_MEMBERS = """
            delete from channel_group_member where tenant_id = ?1 and group_id = ?2""";

    /** ?3 is the members as a uuid[] literal ({a,b}); repeats are ignored. */
    private static final String INSERT_MEMBERS = """
            insert into channel_group_member (tenant_id, group_id, channel_id)
            select ?1, ?2, unnest(cast(cast(?3 as text) as uuid[])) on conflict do nothing""";

    private static final String MEMBER_IDS_OF = """
            select channel_id from channel_group_member where tenant_id = ?1 and group_id = ?2""";

    /** Which of the ids (a uuid[] literal) are channels of the tenant. */
    private static final String EXISTING_CHANNELS = """
            select id from channel where tenant_id = ?1 and id = any(cast(cast(?2 as text) as uuid[]))""";

    public Uni<ChannelGroupEntity> lockEntity(String tenant, UUID id) {
        return findById(TenantKey.of(tenant, id), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Replaces the static members with {@code members} (all already checked to be channels of the tenant). */
    public Uni<Void> replaceMembers(Mutiny.Session session, String tenant, UUID groupId, List<UUID> members, boolean isNew) {
        Uni<Void> delete = isNew ? Uni.createFrom().voidItem()
                : session.createNativeQuery(DELETE_MEMBERS).setParameter(1, tenant).setParameter(2, groupId).executeUpdate().replaceWithVoid();
        return delete.flatMap(x -> members.isEmpty() ? Uni.createFrom().voidItem()
                : session.createNativeQuery(INSERT_MEMBERS).setParameter(1, tenant).setParameter(2, groupId)
                .setParameter(3, uuidArray(members)).executeUpdate().replaceWithVoid());
    }

    public Uni<List<UUID>> memberIdsOf(Mutiny.Session session, String tenant, UUID groupId) {
        return session.createNativeQuery(MEMBER_IDS_OF, UUID.class).setParameter(1, tenant).setParameter(2, groupId).getResultList();
    }

    public Uni<List<UUID>> existingChannels(Mutiny.Session session, String tenant, Collection<UUID> ids) {
        return session.createNativeQuery(EXISTING_CHANNELS, UUID.class).setParameter(1, tenant).setParameter(2, uuidArray(ids))
                .getResultList();
    }

    private static String uuidArray(Collection<UUID> ids) {
        StringBuilder sb = new StringBuilder("{");
        for (UUID id : ids) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(id);
        }
        return sb.append('}').toString();
    }

    // ---- SQL on the pool: reads (GraphQL resolves them in parallel) and membership, which other features join

    private static final String FIND = """
            select %s from channel_group g where g.tenant_id = $1 and g.id = $2""".formatted(GROUP_COLUMNS);

    private static final String LIST = """
            select %s from channel_group g where g.tenant_id = $1 and ($2::uuid is null or g.id > $2)
            order by g.id limit $3""".formatted(GROUP_COLUMNS);

    private static final String FIND_ALL = """
            select %s from channel_group g where g.tenant_id = $1 and g.id = any($2)""".formatted(GROUP_COLUMNS);

    /** One page of group $2's members: static members ∪ rule matches. */
    private static final String MEMBERS = """
            select %s from channel_group g join channel c on c.tenant_id = g.tenant_id
            where g.tenant_id = $1 and g.id = $2 and ($3::uuid is null or c.id > $3)
            and (exists (select 1 from channel_group_member m where m.tenant_id = $1 and m.group_id = $2 and m.channel_id = c.id)
                 or (%s))
            order by c.id limit $4""".formatted(ChannelRepository.columns("c"), RULE_MATCHES);

    /** The first page of members of each group of $2, a lateral page per group; rows carry group_id. */
    private static final String MEMBERS_OF_GROUPS = """
            select g.id as group_id, c.* from channel_group g cross join lateral (
              select %s from channel c where c.tenant_id = g.tenant_id and ($3::uuid is null or c.id > $3)
              and (exists (select 1 from channel_group_member m where m.tenant_id = g.tenant_id and m.group_id = g.id
                           and m.channel_id = c.id) or (%s))
              order by c.id limit $4) c
            where g.tenant_id = $1 and g.id = any($2) order by g.id, c.id""".formatted(ChannelRepository.columns("c"), RULE_MATCHES);

    /** One page of the groups channel $2 belongs to (static or rule). */
    private static final String GROUPS_OF = """
            select %s from channel_group g where g.tenant_id = $1 and g.id in (
              select m.group_id from channel_group_member m where m.tenant_id = $1 and m.channel_id = $2
              union select g.id from channel c join channel_group g on g.tenant_id = c.tenant_id and %s
              where c.tenant_id = $1 and c.id = $2)
            and ($3::uuid is null or g.id > $3) order by g.id limit $4""".formatted(GROUP_COLUMNS, RULE_MATCHES);

    /** The groups of each channel of $2; rows carry channel_id. */
    private static final String GROUPS_OF_CHANNELS = """
            select x.channel_id, %s from (
              select m.channel_id, m.group_id from channel_group_member m where m.tenant_id = $1 and m.channel_id = any($2)
              union select c.id, g.id from channel c join channel_group g on g.tenant_id = c.tenant_id and %s
              where c.tenant_id = $1 and c.id = any($2)) x
            join channel_group g on g.tenant_id = $1 and g.id = x.group_id order by x.channel_id, g.id""".formatted(GROUP_COLUMNS, RULE_MATCHES);

    /** Every channel that is a member (static ∪ rule) of any group of $2: pricing's and policies' targeting. */
    private static final String MEMBER_IDS = """
            select m.channel_id as id from channel_group_member m where m.tenant_id = $1 and m.group_id = any($2)
            union select c.id from channel_group g join channel c on c.tenant_id = g.tenant_id and %s
            where g.tenant_id = $1 and g.id = any($2) order by 1""".formatted(RULE_MATCHES);

    public Uni<Optional<ChannelGroupView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND, Tuple.of(tenant, id), ChannelGroupRepository::toView);
    }

    public Uni<List<ChannelGroupView>> list(String tenant, PageRequest page) {
        return db.list(LIST, Tuple.of(tenant, page.afterId(), page.fetchSize()), ChannelGroupRepository::toView);
    }

    /** The groups among {@code ids}, in one statement. */
    public Uni<List<ChannelGroupView>> findAll(String tenant, Collection<UUID> ids) {
        return db.list(FIND_ALL, Tuple.of(tenant, ids.toArray(new UUID[0])), ChannelGroupRepository::toView);
    }

    /** One page of the group's members (static ∪ rule matches, whatever their status), ordered by channel id. */
    public Uni<List<ChannelView>> members(String tenant, UUID groupId, PageRequest page) {
        return db.list(MEMBERS, Tuple.of(tenant, groupId, page.afterId(), page.fetchSize()), ChannelRepository::toView);
    }

    /**
     * The first page of members of each of several groups in one statement (batched GraphQL field): a lateral
     * page per group. Rows carry {@code group_id}.
     */
    public Uni<List<Map.Entry<UUID, ChannelView>>> membersOfGroups(String tenant, Collection<UUID> groupIds, PageRequest page) {
        return db.list(MEMBERS_OF_GROUPS, Tuple.of(tenant, groupIds.toArray(new UUID[0]), page.afterId(), page.fetchSize()),
                r -> Map.entry(r.getUUID("group_id"), ChannelRepository.toView(r)));
    }

    /** One page of the groups channel $2 belongs to (static or rule). */
    public Uni<List<ChannelGroupView>> groupsOf(String tenant, UUID channelId, PageRequest page) {
        return db.list(GROUPS_OF, Tuple.of(tenant, channelId, page.afterId(), page.fetchSize()), ChannelGroupRepository::toView);
    }

    /** The groups of each of several channels in one statement (batched GraphQL field). Rows carry {@code channel_id}. */
    public Uni<List<Map.Entry<UUID, ChannelGroupView>>> groupsOfChannels(String tenant, Collection<UUID> channelIds) {
        return db.list(GROUPS_OF_CHANNELS, Tuple.of(tenant, channelIds.toArray(new UUID[0])),
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

    /** Every channel that is a member of any of the groups, unpaged. */
    public Uni<List<UUID>> memberIds(SqlClient client, String tenant, List<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return db.list(client, MEMBER_IDS, Tuple.of(tenant, groupIds.toArray(new UUID[0])), r -> r.getUUID("id"));
    }
}
