package dev.channelhub.channel;

import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Channels, their history and ratings. Writes are entities ({@link ChannelEntity}, {@link ChannelHistoryEntity},
 * {@link ChannelRatingEntity}) in the service's Hibernate Reactive transaction, found by their {@link TenantKey}.
 * Reads stay SQL on the pool: GraphQL resolves sibling fields in parallel and a Hibernate Reactive session allows one
 * operation at a time (quarkus#32870), the partner scope is a recursive CTE, and other features (orders' credit check,
 * pricing) read and lock channels inside their own pool transactions. Every statement is scoped by tenant.
 */
@ApplicationScoped
public class ChannelRepository implements PanacheRepositoryBase<ChannelEntity, TenantKey> {

    static final String COLUMNS = """
            id, code, name, type, status, region, tier, parent_id, credit_limit, currency, contact_name, contact_phone,
            contact_email, version, created_at, updated_at""";

    /** {@link #COLUMNS} qualified by a table alias, for joins. */
    static String columns(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(",\\s*")).map(c -> "%s.%s".formatted(alias, c))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static final String HISTORY_COLUMNS = "id, channel_id, from_status, to_status, actor, reason, occurred_at";
    static final String RATING_COLUMNS = "id, channel_id, period, score, tier, notes, rated_by, rated_at";

    /** The partner's own channel and everything below it; $1 tenant, $2 the partner's channel. */
    static final String PARTNER_SCOPE = """
            with recursive scope(id) as (
              select id from channel where tenant_id = $1 and id = $2
              union all select c.id from channel c join scope s on c.parent_id = s.id where c.tenant_id = $1)
            """;

    private static final String FIND = """
            select %s from channel where tenant_id = $1 and id = $2""".formatted(COLUMNS);

    /** The channel and the ids of every group it belongs to (static members ∪ rule matches): one statement. */
    private static final String FIND_WITH_GROUPS = """
            select %s, array(select m.group_id from channel_group_member m
                               where m.tenant_id = c.tenant_id and m.channel_id = c.id
                             union select g.id from channel_group g where g.tenant_id = c.tenant_id and %s
                             order by 1) as group_ids
            from channel c where c.tenant_id = $1 and c.id = $2""".formatted(columns("c"), ChannelGroupRepository.RULE_MATCHES);

    /** Row lock for another feature's pool transaction (orders' credit check): serialises with entity updates. */
    private static final String LOCK = """
            select %s from channel where tenant_id = $1 and id = $2 for update""".formatted(COLUMNS);

    private static final String HISTORY = """
            select %s from channel_status_history where tenant_id = $1 and channel_id = $2
            and ($3::uuid is null or id > $3) order by id limit $4""".formatted(HISTORY_COLUMNS);

    private static final String RATINGS = """
            select %s from channel_rating where tenant_id = $1 and channel_id = $2
            and ($3::uuid is null or id > $3) order by id limit $4""".formatted(RATING_COLUMNS);

    private static final String CHILDREN_OF = """
            select %s from channel where tenant_id = $1 and parent_id = any($2) order by parent_id, id""".formatted(COLUMNS);

    private static final String FIND_ALL_VISIBLE_TO_PARTNER = """
            %s
            select %s from channel where tenant_id = $1 and id = any($3) and id in (select id from scope)""".formatted(PARTNER_SCOPE, COLUMNS);

    private static final String FIND_VISIBLE_TO_PARTNER = """
            %s
            select %s from channel where tenant_id = $1 and id = $3 and id in (select id from scope)""".formatted(PARTNER_SCOPE, COLUMNS);

    private static final String FIND_ALL = """
            select %s from channel where tenant_id = $1 and id = any($2)""".formatted(COLUMNS);

    /** Serialises changes of the tenant's hierarchy, so two concurrent re-parentings cannot close a cycle. */
    private static final String LOCK_HIERARCHY = """
            select 1 from pg_advisory_xact_lock(hashtextextended('channel-tree:' || ?1, 0))""";

    /** Walks up from ?2: does it exist, and is ?3 among it and its ancestors (which would close a cycle)? */
    private static final String ANCESTRY = """
            with recursive up(id, parent_id) as (
              select id, parent_id from channel where tenant_id = ?1 and id = ?2
              union select c.id, c.parent_id from channel c join up on c.id = up.parent_id where c.tenant_id = ?1)
            select count(*) filter (where id = ?2) as found, count(*) filter (where id = ?3) as cycle from up""";

    @Inject
    Db db;

    // ---- entities, in the caller's Hibernate Reactive transaction

    /** The channel row locked for the rest of the transaction ({@code for no key update}); null when absent. */
    public Uni<ChannelEntity> lockEntity(String tenant, UUID id) {
        return findById(TenantKey.of(tenant, id), LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<ChannelEntity> findEntity(String tenant, UUID id) {
        return findById(TenantKey.of(tenant, id));
    }

    public Uni<Void> lockHierarchy(Mutiny.Session session, String tenant) {
        return session.createNativeQuery(LOCK_HIERARCHY).setParameter(1, tenant).getSingleResult().replaceWithVoid();
    }

    public record Ancestry(boolean parentExists, boolean containsChild) {
    }

    public Uni<Ancestry> ancestry(Mutiny.Session session, String tenant, UUID parent, UUID child) {
        return session.createNativeQuery(ANCESTRY, Object[].class)
                .setParameter(1, tenant).setParameter(2, parent).setParameter(3, child)
                .getSingleResult()
                .map(r -> new Ancestry(((Number) r[0]).longValue() > 0, ((Number) r[1]).longValue() > 0));
    }

    // ---- SQL on the pool (reads) or on another feature's transaction

    public Uni<Optional<ChannelView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND, Tuple.of(tenant, id), ChannelRepository::toView);
    }

    /** The channel with the ids of every group it belongs to (static members ∪ rule matches), in one statement. */
    public Uni<Optional<ChannelWithGroups>> findWithGroups(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND_WITH_GROUPS, Tuple.of(tenant, id),
                r -> new ChannelWithGroups(toView(r), List.of(r.getArrayOfUUIDs("group_ids"))));
    }

    public Uni<Optional<ChannelView>> lockForUpdate(SqlClient tx, String tenant, UUID id) {
        return db.one(tx, LOCK, Tuple.of(tenant, id), ChannelRepository::toView);
    }

    public Uni<List<StatusChangeView>> history(String tenant, UUID channelId, PageRequest page) {
        return db.list(HISTORY, Tuple.of(tenant, channelId, page.afterId(), page.fetchSize()), r -> {
            String from = r.getString("from_status");
            return new StatusChangeView(r.getUUID("id").toString(), r.getUUID("channel_id").toString(),
                    from == null ? null : ChannelStatus.valueOf(from), ChannelStatus.valueOf(r.getString("to_status")),
                    r.getString("actor"), r.getString("reason"), r.getOffsetDateTime("occurred_at").toInstant());
        });
    }

    public Uni<List<RatingView>> ratings(String tenant, UUID channelId, PageRequest page) {
        return db.list(RATINGS, Tuple.of(tenant, channelId, page.afterId(), page.fetchSize()), ChannelRepository::toRating);
    }

    static RatingView toRating(Row r) {
        return new RatingView(r.getUUID("id").toString(), r.getUUID("channel_id").toString(), r.getString("period"),
                r.getInteger("score"), r.getString("tier"), r.getString("notes"), r.getString("rated_by"),
                r.getOffsetDateTime("rated_at").toInstant());
    }

    /** Children of any of the parents (batched GraphQL field), ordered by parent then id. */
    public Uni<List<ChannelView>> childrenOf(String tenant, Collection<UUID> parentIds) {
        return db.list(CHILDREN_OF, Tuple.of(tenant, parentIds.toArray(new UUID[0])), ChannelRepository::toView);
    }

    /** The channels among {@code ids} that {@code partnerChannel} may see. */
    public Uni<List<ChannelView>> findAllVisibleToPartner(String tenant, UUID partnerChannel, Collection<UUID> ids) {
        return db.list(FIND_ALL_VISIBLE_TO_PARTNER, Tuple.of(tenant, partnerChannel, ids.toArray(new UUID[0])), ChannelRepository::toView);
    }

    /** The channel if {@code partnerChannel} may see it (itself or a descendant). */
    public Uni<Optional<ChannelView>> findVisibleToPartner(String tenant, UUID partnerChannel, UUID id) {
        return db.one(FIND_VISIBLE_TO_PARTNER, Tuple.of(tenant, partnerChannel, id), ChannelRepository::toView);
    }

    public Uni<List<ChannelView>> findAll(String tenant, Collection<UUID> ids) {
        return db.list(FIND_ALL, Tuple.of(tenant, ids.toArray(new UUID[0])), ChannelRepository::toView);
    }

    // The list is one statement assembled from these fragments: only the filters given are added, so each
    // combination keeps its own plan (an "or $n is null" per filter would not use the indexes).
    private static final String LIST = """
            select %s from channel where tenant_id = $1""".formatted(COLUMNS);
    private static final String LIST_IN_SCOPE = """
            \sand id in (select id from scope)""";

    public Uni<List<ChannelView>> list(String tenant, UUID partnerChannel, ChannelFilter f, PageRequest page) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder sql = new StringBuilder();
        if (partnerChannel != null) {
            args.add(partnerChannel);
            sql.append(PARTNER_SCOPE);
        }
        sql.append(LIST);
        if (partnerChannel != null) {
            sql.append(LIST_IN_SCOPE);
        }
        filter(sql, args, "type", f.type() == null ? null : f.type().name());
        filter(sql, args, "status", f.status() == null ? null : f.status().name());
        filter(sql, args, "tier", f.tier());
        filter(sql, args, "region", f.region());
        filter(sql, args, "parent_id", f.parentId());
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), ChannelRepository::toView);
    }

    private static void filter(StringBuilder sql, List<Object> args, String column, Object value) {
        if (value != null) {
            args.add(value);
            sql.append(" and ").append(column).append(" = $").append(args.size());
        }
    }

    static ChannelView toView(Row r) {
        String contactName = r.getString("contact_name");
        String contactPhone = r.getString("contact_phone");
        String contactEmail = r.getString("contact_email");
        ContactView contact = contactName == null && contactPhone == null && contactEmail == null ? null
                : new ContactView(contactName, contactPhone, contactEmail);
        UUID parent = r.getUUID("parent_id");
        BigDecimal credit = r.getBigDecimal("credit_limit");
        String currency = r.getString("currency");
        return new ChannelView(r.getUUID("id").toString(), r.getString("code"), r.getString("name"),
                ChannelType.valueOf(r.getString("type")), ChannelStatus.valueOf(r.getString("status")),
                r.getString("region"), r.getString("tier"), parent == null ? null : parent.toString(),
                dev.channelhub.shared.money.Money.round(credit, currency), currency,
                contact, r.getInteger("version"),
                r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
    }
}
