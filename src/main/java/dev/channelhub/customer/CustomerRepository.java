package dev.channelhub.customer;

import dev.channelhub.customer.IdentityNormalizer.Identity;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.persistence.Like;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for customers, identities, touchpoints, channel sightings, merge lineage and history. Every statement is tenant-scoped. */
@ApplicationScoped
public class CustomerRepository {

    static final String COLUMNS = """
            c.id, c.status, c.merged_into, c.name, c.type, c.customer_group, c.tags, c.attributes, c.origin_channel_id,
            c.owner_channel_id, c.version, c.created_at, c.updated_at""";

    /** A partner ($2) sees a customer it has served through its channel, or whose owner channel it is. */
    static final String PARTNER_VISIBLE = """
             and (c.owner_channel_id = $2 or exists (select 1 from customer_channel cc
            where cc.tenant_id = $1 and cc.channel_id = $2 and (cc.customer_id = c.id or cc.origin_customer_id = c.id)))""";

    /**
     * With {@link #PARTNER_VISIBLE}: the name the partner's channel ($2) recorded for the customer (its own sighting
     * first, then the newest one folded in by a merge).
     */
    static final String CHANNEL_NAME = """
            , (select cn.name from customer_channel cn where cn.tenant_id = $1 and cn.channel_id = $2
            and (cn.customer_id = c.id or cn.origin_customer_id = c.id) and cn.name is not null
            order by (cn.origin_customer_id = c.id) desc, cn.last_seen_at desc limit 1) as channel_name""";

    @Inject
    Db db;

    /** A customer row as a query found it; {@code channelName} only for partner-scoped reads (see {@link #CHANNEL_NAME}). */
    public record Found(CustomerView customer, String channelName) {
    }

    public record IdentityOwner(IdentityKind kind, String value, UUID customerId) {
    }

    public record Seen(UUID customerId, UUID channelId, Instant firstSeenAt, Instant lastSeenAt) {
    }

    public record SearchFilter(String namePrefix, List<Identity> identities, UUID channelId, String group, CustomerStatus status) {
    }

    // ---- customers

    private static final String INSERT = """
            insert into customer (tenant_id, id, status, name, type, customer_group, origin_channel_id,
            owner_channel_id, version, created_at, updated_at) values ($1, $2, 'ACTIVE', $3, $4, $5, $6, $6, 1, $7, $7)""";

    public Uni<Void> insert(SqlClient tx, String tenant, UUID id, String name, CustomerType type, String group,
                            UUID originChannel, Instant now) {
        return db.query(tx, INSERT,
                        Tuple.from(new Object[]{tenant, id, name, type.name(), group, originChannel, utc(now)}))
                .replaceWithVoid();
    }

    private static final String FIND = """
            select %s from customer c where c.tenant_id = $1 and c.id = $2""".formatted(COLUMNS);

    public Uni<Optional<CustomerView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND,
                Tuple.of(tenant, id), CustomerRepository::toView);
    }

    private static final String FIND_VISIBLE_TO_PARTNER = """
            select %s %s from customer c where c.tenant_id = $1 and c.id = $3 %s""".formatted(COLUMNS, CHANNEL_NAME, PARTNER_VISIBLE);

    public Uni<Optional<Found>> findVisibleToPartner(SqlClient client, String tenant, UUID partnerChannel, UUID id) {
        return db.one(client, FIND_VISIBLE_TO_PARTNER,
                Tuple.of(tenant, partnerChannel, id), CustomerRepository::found);
    }

    private static final String FIND_ALL = """
            select %s from customer c where c.tenant_id = $1 and c.id = any($2)""".formatted(COLUMNS);

    /** Customers by id in one statement. */
    public Uni<List<CustomerView>> findAll(SqlClient client, String tenant, Collection<UUID> ids) {
        return db.list(client, FIND_ALL,
                Tuple.of(tenant, ids.toArray(new UUID[0])), CustomerRepository::toView);
    }

    private static final String FIND_ALL_FOR_PARTNER = """
            select %s %s from customer c where c.tenant_id = $1 and c.id = any($3) %s""".formatted(COLUMNS, CHANNEL_NAME, PARTNER_VISIBLE);

    /** Customers by id in one statement, only those the partner's channel may see. */
    public Uni<List<Found>> findAllForPartner(SqlClient client, String tenant, UUID partnerChannel, Collection<UUID> ids) {
        return db.list(client, FIND_ALL_FOR_PARTNER,
                Tuple.of(tenant, partnerChannel, ids.toArray(new UUID[0])), CustomerRepository::found);
    }

    private static final String LOCK = """
            select %s from customer c where c.tenant_id = $1 and c.id = any($2) order by c.id for update""".formatted(COLUMNS);

    /** Row locks in id order, so two transactions locking overlapping sets cannot deadlock on them. */
    public Uni<List<CustomerView>> lock(SqlClient tx, String tenant, Collection<UUID> ids) {
        return db.list(tx, LOCK,
                Tuple.of(tenant, ids.toArray(new UUID[0])), CustomerRepository::toView);
    }

    private static final String FILL_MISSING = """
            update customer set name = coalesce(name, $3), customer_group = coalesce(customer_group, $4),
            version = version + 1, updated_at = $5 where tenant_id = $1 and id = $2
            and ((name is null and $3::text is not null) or (customer_group is null and $4::text is not null))""";

    /** Fills what the customer does not have yet (identify never overwrites). */
    public Uni<Void> fillMissing(SqlClient tx, String tenant, UUID id, String name, String group, Instant now) {
        if (name == null && group == null) {
            return Uni.createFrom().voidItem();
        }
        return db.query(tx, FILL_MISSING,
                        Tuple.from(new Object[]{tenant, id, name, group, utc(now)}))
                .replaceWithVoid();
    }

    private static final String UPDATE = """
            update customer set name = coalesce($4, name), type = coalesce($5, type),
            customer_group = case when $7 then null else coalesce($6, customer_group) end,
            tags = coalesce($8, tags), attributes = coalesce($9, attributes),
            owner_channel_id = case when $11 then null else coalesce($10, owner_channel_id) end,
            version = version + 1, updated_at = $12
            where tenant_id = $1 and id = $2 and status = 'ACTIVE' and ($3::int is null or version = $3)""";

    public Uni<Integer> update(SqlClient tx, String tenant, UUID id, Integer expectedVersion, String name, CustomerType type,
                               String group, boolean clearGroup, List<String> tags, Map<String, Object> attributes,
                               UUID owner, boolean clearOwner, Instant now) {
        return db.query(tx, UPDATE,
                        Tuple.from(new Object[]{tenant, id, expectedVersion, name, type == null ? null : type.name(), group, clearGroup,
                                tags == null ? null : tags.toArray(new String[0]),
                                attributes == null ? null : new JsonObject(attributes), owner, clearOwner, utc(now)}))
                .map(rows -> rows.rowCount());
    }

    // ---- identities

    private static final String LOCK_IDENTITIES = """
            select count(*) from (select pg_advisory_xact_lock(k) from unnest($1::bigint[]) as k) locked""";

    /** Transaction-scoped advisory locks on the identities' hashes, in a fixed order: two identify calls for the same new phone run one after the other. */
    public Uni<Void> lockIdentities(SqlClient tx, String tenant, List<Identity> identities) {
        if (identities.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] keys = identities.stream().map(i -> lockKey(tenant, i)).distinct().sorted().toArray(Long[]::new);
        return db.query(tx, LOCK_IDENTITIES,
                Tuple.of(keys)).replaceWithVoid();
    }

    static long lockKey(String tenant, Identity identity) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest("customer-identity\0%s\0%s".formatted(tenant, identity.key()).getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (h[i] & 0xff);
            }
            return k;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String OWNERS = """
            select i.kind, i.value, i.customer_id from customer_identity i
            join unnest($2::text[], $3::text[]) as q(kind, value) on i.kind = q.kind and i.value = q.value
            where i.tenant_id = $1""";

    public Uni<List<IdentityOwner>> owners(SqlClient client, String tenant, List<Identity> identities) {
        if (identities.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return db.list(client, OWNERS,
                Tuple.of(tenant, identities.stream().map(i -> i.kind().name()).toArray(String[]::new),
                        identities.stream().map(Identity::value).toArray(String[]::new)),
                r -> new IdentityOwner(IdentityKind.valueOf(r.getString("kind")), r.getString("value"), r.getUUID("customer_id")));
    }

    private static final String INSERT_IDENTITIES = """
            insert into customer_identity (tenant_id, id, customer_id, origin_customer_id, kind, value, channel_id, created_at)
            select $1, t.id, $2, $2, t.kind, t.value, $6, $7 from unnest($3::uuid[], $4::text[], $5::text[]) as t(id, kind, value)""";

    public Uni<Void> insertIdentities(SqlClient tx, String tenant, UUID customer, List<Identity> identities, UUID channel, Instant now) {
        if (identities.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.query(tx, INSERT_IDENTITIES,
                        Tuple.from(new Object[]{tenant, customer, identities.stream().map(i -> Ids.newId()).toArray(UUID[]::new),
                                identities.stream().map(i -> i.kind().name()).toArray(String[]::new),
                                identities.stream().map(Identity::value).toArray(String[]::new), channel, utc(now)}))
                .replaceWithVoid();
    }

    private static final String IDENTITIES = """
            select customer_id, kind, value, channel_id, origin_customer_id, created_at from customer_identity
            where tenant_id = $1 and customer_id = any($2) and ($3::uuid is null or channel_id = $3) order by created_at, id""";

    /** Identities per customer; with {@code channel} only those recorded through that channel. */
    public Uni<Map<UUID, List<IdentityView>>> identities(SqlClient client, String tenant, List<UUID> customers, UUID channel) {
        return db.list(client, IDENTITIES,
                        Tuple.of(tenant, customers.toArray(new UUID[0]), channel),
                        r -> Map.entry(r.getUUID("customer_id"), new IdentityView(IdentityKind.valueOf(r.getString("kind")),
                                r.getString("value"), str(r.getUUID("channel_id")), r.getUUID("origin_customer_id").toString(),
                                instant(r, "created_at"))))
                .map(CustomerRepository::group);
    }

    // ---- channel sightings

    /** The channel has seen the customer at {@code at}: first sighting kept, last one moved forward. */
    public Uni<Void> seen(SqlClient tx, String tenant, UUID customer, UUID channel, Instant at) {
        return seen(tx, tenant, customer, channel, at, null);
    }

    private static final String SEEN = """
            insert into customer_channel (tenant_id, origin_customer_id, channel_id, customer_id, first_seen_at, last_seen_at, name)
            select c.tenant_id, c.id, $3::uuid, coalesce(c.merged_into, c.id), $4::timestamptz, $4::timestamptz, $5::text from customer c where c.tenant_id = $1 and c.id = $2
            on conflict (tenant_id, origin_customer_id, channel_id) do update set
            first_seen_at = least(customer_channel.first_seen_at, excluded.first_seen_at),
            last_seen_at = greatest(customer_channel.last_seen_at, excluded.last_seen_at),
            name = coalesce(excluded.name, customer_channel.name)""";

    /** As {@link #seen(SqlClient, String, UUID, UUID, Instant)}; a non-null {@code name} becomes the name this channel knows them by. */
    public Uni<Void> seen(SqlClient tx, String tenant, UUID customer, UUID channel, Instant at, String name) {
        return db.query(tx, SEEN,
                        Tuple.of(tenant, customer, channel, utc(at), name))
                .replaceWithVoid();
    }

    private static final String SEEN_2 = """
            select customer_id, channel_id, min(first_seen_at) as first_seen, max(last_seen_at) as last_seen
            from customer_channel where tenant_id = $1 and customer_id = any($2) group by customer_id, channel_id
            order by customer_id, min(first_seen_at), channel_id""";

    /** Sightings per (customer, channel), merged sources' rows folded into their survivor. */
    public Uni<List<Seen>> seen(SqlClient client, String tenant, List<UUID> customers) {
        return db.list(client, SEEN_2,
                Tuple.of(tenant, customers.toArray(new UUID[0])),
                r -> new Seen(r.getUUID("customer_id"), r.getUUID("channel_id"), instant(r, "first_seen"), instant(r, "last_seen")));
    }

    // ---- merge lineage

    private static final String MERGE = """
            with i as (update customer_identity set customer_id = $3 where tenant_id = $1 and customer_id = any($2) returning 1),
            t as (update customer_touchpoint set customer_id = $3 where tenant_id = $1 and customer_id = any($2) returning 1),
            s as (update customer_channel set customer_id = $3 where tenant_id = $1 and customer_id = any($2) returning 1),
            earlier as (update customer set merged_into = $3 where tenant_id = $1 and merged_into = any($2) returning 1),
            src as (update customer set status = 'MERGED', merged_into = $3, version = version + 1, updated_at = $4
            where tenant_id = $1 and id = any($2) returning 1),
            surv as (update customer set version = version + 1, updated_at = $4 where tenant_id = $1 and id = $3 returning 1)
            select (select count(*) from src) as merged""";

    /**
     * Moves the sources' identities, touchpoints and sightings to the survivor, marks the sources MERGED and
     * re-points customers that were merged into a source, in one statement.
     */
    public Uni<Void> merge(SqlClient tx, String tenant, List<UUID> sources, UUID survivor, Instant now) {
        return db.query(tx, MERGE,
                        Tuple.of(tenant, sources.toArray(new UUID[0]), survivor, utc(now)))
                .replaceWithVoid();
    }

    private static final String RECORD_MERGES = """
            insert into customer_merge (tenant_id, id, survivor_id, source_id, reason, merged_by, merged_at)
            select $1, t.id, $2, t.source, $4, $5, $6 from unnest($3::uuid[], $7::uuid[]) as t(source, id)""";

    public Uni<Void> recordMerges(SqlClient tx, String tenant, List<UUID> sources, UUID survivor, String reason, String actor, Instant now) {
        return db.query(tx, RECORD_MERGES,
                        Tuple.from(new Object[]{tenant, survivor, sources.toArray(new UUID[0]), reason, actor, utc(now),
                                sources.stream().map(s -> Ids.newId()).toArray(UUID[]::new)}))
                .replaceWithVoid();
    }

    private static final String UNMERGE = """
            with i as (update customer_identity set customer_id = $2 where tenant_id = $1 and origin_customer_id = $2 and customer_id = $3 returning 1),
            t as (update customer_touchpoint set customer_id = $2 where tenant_id = $1 and origin_customer_id = $2 and customer_id = $3 returning 1),
            s as (update customer_channel set customer_id = $2 where tenant_id = $1 and origin_customer_id = $2 and customer_id = $3 returning 1),
            src as (update customer set status = 'ACTIVE', merged_into = null, version = version + 1, updated_at = $4
            where tenant_id = $1 and id = $2 returning 1),
            surv as (update customer set version = version + 1, updated_at = $4 where tenant_id = $1 and id = $3 returning 1),
            m as (update customer_merge set unmerged_at = $4, unmerged_by = $5 where tenant_id = $1 and source_id = $2
            and unmerged_at is null returning 1)
            select (select count(*) from src) as restored""";

    /** Gives the source back the rows that were originally its own, and makes it ACTIVE again. */
    public Uni<Void> unmerge(SqlClient tx, String tenant, UUID source, UUID survivor, String actor, Instant now) {
        return db.query(tx, UNMERGE,
                        Tuple.of(tenant, source, survivor, utc(now), actor))
                .replaceWithVoid();
    }

    // ---- history

    public record HistoryRow(UUID customer, String action, UUID related, UUID channel) {
    }

    private static final String HISTORY = """
            insert into customer_history (tenant_id, id, customer_id, action, related_customer_id, channel_id, actor, reason, occurred_at)
            select $1, t.id, t.customer, t.action, t.related, t.channel, $7, $8, $9
            from unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[]) as t(id, customer, action, related, channel)""";

    public Uni<Void> history(SqlClient tx, String tenant, List<HistoryRow> rows, String actor, String reason, Instant now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.query(tx, HISTORY,
                        Tuple.from(new Object[]{tenant, rows.stream().map(r -> Ids.newId()).toArray(UUID[]::new),
                                rows.stream().map(HistoryRow::customer).toArray(UUID[]::new),
                                rows.stream().map(HistoryRow::action).toArray(String[]::new),
                                rows.stream().map(HistoryRow::related).toArray(UUID[]::new),
                                rows.stream().map(HistoryRow::channel).toArray(UUID[]::new), actor, reason, utc(now)}))
                .replaceWithVoid();
    }

    private static final String HISTORY_2 = """
            select id, action, related_customer_id, channel_id, actor, reason, occurred_at from customer_history
            where tenant_id = $1 and customer_id = $2 and ($3::uuid is null or id > $3) and ($5::uuid is null or channel_id = $5)
            order by id limit $4""";

    /** A page of the customer's history; with {@code channel} only the entries of that channel. */
    public Uni<List<HistoryEntry>> history(String tenant, UUID customer, UUID channel, PageRequest page) {
        return db.list(HISTORY_2,
                Tuple.of(tenant, customer, page.afterId(), page.fetchSize(), channel),
                r -> new HistoryEntry(r.getUUID("id").toString(), r.getString("action"), str(r.getUUID("related_customer_id")),
                        str(r.getUUID("channel_id")), r.getString("actor"), r.getString("reason"), instant(r, "occurred_at")));
    }

    // ---- touchpoints

    private static final String INSERT_TOUCHPOINT = """
            insert into customer_touchpoint (tenant_id, id, customer_id, origin_customer_id, channel_id, kind, occurred_at, note, actor, created_at)
            values ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9)""";

    public Uni<TouchpointView> insertTouchpoint(SqlClient tx, String tenant, UUID id, UUID customer, AddTouchpointRequest r,
                                                UUID channel, String actor, Instant now) {
        return db.query(tx, INSERT_TOUCHPOINT,
                        Tuple.from(new Object[]{tenant, id, customer, channel, r.kind().name(), utc(r.occurredAt()), r.note(), actor, utc(now)}))
                .map(x -> new TouchpointView(id.toString(), customer.toString(), channel.toString(), r.kind(),
                        r.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS), r.note(), actor, customer.toString(), now));
    }

    private static final String TOUCHPOINTS = """
            select * from (select t.*, row_number() over (partition by t.customer_id order by t.occurred_at desc, t.id desc) as n
            from customer_touchpoint t where t.tenant_id = $1 and t.customer_id = any($2)
            and ($3::uuid is null or t.channel_id = $3)
            and ($4::timestamptz is null or (t.occurred_at, t.id) < ($4, $5))) x
            where n <= $6 order by customer_id, occurred_at desc, id desc""";

    /**
     * Newest first, {@code limit + 1} rows per customer after the cursor {@code (occurredAt, id)}; with
     * {@code channel} only touchpoints through that channel.
     */
    public Uni<Map<UUID, List<TouchpointView>>> touchpoints(SqlClient client, String tenant, List<UUID> customers, UUID channel,
                                                            Instant afterAt, UUID afterId, int fetch) {
        return db.list(client, TOUCHPOINTS,
                        Tuple.from(new Object[]{tenant, customers.toArray(new UUID[0]), channel, afterAt == null ? null : utc(afterAt),
                                afterId, fetch}),
                        r -> Map.entry(r.getUUID("customer_id"), touchpoint(r)))
                .map(CustomerRepository::group);
    }

    // ---- search

    public Uni<List<Found>> search(String tenant, UUID partnerChannel, SearchFilter f, PageRequest page) {
        Sql sql = searchSql(tenant, partnerChannel, f, page);
        return db.list(sql.text(), Tuple.from(sql.args()), partnerChannel == null ? r -> new Found(toView(r), null) : CustomerRepository::found);
    }

    public record Sql(String text, List<Object> args) {
    }

    // Branches of the search's "c.id in (...)"; %1$d is the like pattern's parameter number.
    private static final String SEARCH_BY_NAME = """
            select n.id from customer n where n.tenant_id = $1 and lower(n.name) like $%1$d""";
    private static final String SEARCH_OWNED_BY_NAME = """
            select n.id from customer n where n.tenant_id = $1 and n.owner_channel_id = $2 and lower(n.name) like $%1$d""";
    private static final String SEARCH_SEEN_BY_NAME = """
            select cn.customer_id from customer_channel cn where cn.tenant_id = $1 and cn.channel_id = $2 and lower(cn.name) like $%1$d""";
    private static final String SEARCH_SEEN_BEFORE_MERGE_BY_NAME = """
            select cn.origin_customer_id from customer_channel cn where cn.tenant_id = $1 and cn.channel_id = $2
            and lower(cn.name) like $%1$d""";
    /** %1$d kinds and %2$d values (parameter numbers), %3$s {@link #SEARCH_OWN_IDENTITY} for a partner. */
    private static final String SEARCH_BY_IDENTITY = """
            select i.customer_id from customer_identity i join unnest($%1$d::text[], $%2$d::text[]) as q(kind, value)
            on i.kind = q.kind and i.value = q.value where i.tenant_id = $1%3$s""";
    private static final String SEARCH_OWN_IDENTITY = """
            \sand i.channel_id = $2""";

    /** The search statement (tests read its plan). */
    static Sql searchSql(String tenant, UUID partnerChannel, SearchFilter f, PageRequest page) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        args.add(partnerChannel);
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(partnerChannel == null ? "" : CHANNEL_NAME)
                .append(" from customer c where c.tenant_id = $1");
        if (partnerChannel != null) {
            sql.append(PARTNER_VISIBLE);
        } else {
            sql.append(" and ($2::uuid is null)");
        }
        if (f.namePrefix() != null || !f.identities().isEmpty()) {
            // Each branch is an index lookup: the name-prefix index or the (kind, value) unique index.
            List<String> branches = new ArrayList<>();
            if (f.namePrefix() != null) {
                args.add(Like.startingWith(f.namePrefix().toLowerCase(java.util.Locale.ROOT)));
                int like = args.size();
                if (partnerChannel == null) {
                    branches.add(SEARCH_BY_NAME.formatted(like));
                } else {
                    // A partner finds a customer by the name it sees: the customer's own when its channel owns it, else the one it recorded.
                    branches.add(SEARCH_OWNED_BY_NAME.formatted(like));
                    branches.add(SEARCH_SEEN_BY_NAME.formatted(like));
                    branches.add(SEARCH_SEEN_BEFORE_MERGE_BY_NAME.formatted(like));
                }
            }
            if (!f.identities().isEmpty()) {
                args.add(f.identities().stream().map(i -> i.kind().name()).toArray(String[]::new));
                int kinds = args.size();
                args.add(f.identities().stream().map(Identity::value).toArray(String[]::new));
                // A partner finds a customer only by the identities its own channel recorded.
                branches.add(SEARCH_BY_IDENTITY.formatted(kinds, args.size(), partnerChannel == null ? "" : SEARCH_OWN_IDENTITY));
            }
            sql.append(" and c.id in (").append(String.join(" union ", branches)).append(")");
        }
        if (f.channelId() != null) {
            args.add(f.channelId());
            sql.append(" and (c.owner_channel_id = $").append(args.size()).append(" or exists (select 1 from customer_channel sc ")
                    .append("where sc.tenant_id = $1 and sc.customer_id = c.id and sc.channel_id = $").append(args.size()).append("))");
        }
        if (f.group() != null) {
            args.add(f.group());
            sql.append(" and c.customer_group = $").append(args.size());
        }
        if (f.status() != null) {
            args.add(f.status().name());
            sql.append(" and c.status = $").append(args.size());
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and c.id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by c.id limit $").append(args.size());
        return new Sql(sql.toString(), args);
    }

    // ---- mapping

    static CustomerView toView(Row r) {
        String[] tags = r.getArrayOfStrings("tags");
        JsonObject attributes = r.getJsonObject("attributes");
        return new CustomerView(r.getUUID("id").toString(), CustomerStatus.valueOf(r.getString("status")),
                str(r.getUUID("merged_into")), r.getString("name"), CustomerType.valueOf(r.getString("type")),
                r.getString("customer_group"), tags == null ? List.of() : List.of(tags),
                attributes == null ? Map.of() : plain(attributes), str(r.getUUID("origin_channel_id")),
                str(r.getUUID("owner_channel_id")), r.getInteger("version"), instant(r, "created_at"), instant(r, "updated_at"));
    }

    static Found found(Row r) {
        return new Found(toView(r), r.getString("channel_name"));
    }

    static TouchpointView touchpoint(Row r) {
        return new TouchpointView(r.getUUID("id").toString(), r.getUUID("customer_id").toString(), r.getUUID("channel_id").toString(),
                TouchpointKind.valueOf(r.getString("kind")), instant(r, "occurred_at"), r.getString("note"), r.getString("actor"),
                r.getUUID("origin_customer_id").toString(), instant(r, "created_at"));
    }

    /** Vert.x JSON to plain maps and lists, so Jackson and the idempotency store see ordinary JSON. */
    static Map<String, Object> plain(JsonObject json) {
        Map<String, Object> out = new LinkedHashMap<>();
        json.forEach(e -> out.put(e.getKey(), plainValue(e.getValue())));
        return out;
    }

    private static Object plainValue(Object v) {
        if (v instanceof JsonObject o) {
            return plain(o);
        }
        if (v instanceof JsonArray a) {
            List<Object> list = new ArrayList<>(a.size());
            a.forEach(x -> list.add(plainValue(x)));
            return list;
        }
        if (v instanceof Map<?, ?> m) {
            return plain(new JsonObject(castMap(m)));
        }
        if (v instanceof List<?> l) {
            return plainValue(new JsonArray(new ArrayList<>(l)));
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    static <T> Map<UUID, List<T>> group(List<Map.Entry<UUID, T>> rows) {
        Map<UUID, List<T>> out = new LinkedHashMap<>();
        for (Map.Entry<UUID, T> e : rows) {
            out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        return out;
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
