package dev.channelhub.channel;

import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for channels. Every statement is scoped by tenant; partner scoping is a recursive CTE over parent_id. */
@ApplicationScoped
public class ChannelRepository {

    static final String COLUMNS = "id, code, name, type, status, region, tier, parent_id, credit_limit, currency, "
            + "contact_name, contact_phone, contact_email, version, created_at, updated_at";

    /** {@link #COLUMNS} qualified by a table alias, for joins. */
    static String columns(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    static final String HISTORY_COLUMNS = "id, channel_id, from_status, to_status, actor, reason, occurred_at";
    static final String RATING_COLUMNS = "id, channel_id, period, score, tier, notes, rated_by, rated_at";

    /** The partner's own channel and everything below it; $1 tenant, $2 the partner's channel. */
    static final String PARTNER_SCOPE = "with recursive scope(id) as ("
            + " select id from channel where tenant_id = $1 and id = $2"
            + " union all select c.id from channel c join scope s on c.parent_id = s.id where c.tenant_id = $1) ";

    @Inject
    Db db;

    public Uni<Void> insert(SqlClient client, String tenant, UUID id, CreateChannelRequest r, ChannelStatus status, String currency, Instant now) {
        ContactView c = r.contact();
        return db.query(client, "insert into channel (tenant_id, id, code, name, type, status, region, tier, parent_id, credit_limit, "
                        + "currency, contact_name, contact_phone, contact_email, version, created_at, updated_at) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $15)",
                Tuple.from(new Object[]{tenant, id, r.code(), r.name(), r.type().name(), status.name(), r.region(), r.tier(),
                        r.parentId() == null ? null : UUID.fromString(r.parentId()), r.creditLimit(), currency,
                        c == null ? null : c.name(), c == null ? null : c.phone(), c == null ? null : c.email(),
                        now.atOffset(ZoneOffset.UTC)})).replaceWithVoid();
    }

    public Uni<Optional<ChannelView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, "select " + COLUMNS + " from channel where tenant_id = $1 and id = $2", Tuple.of(tenant, id),
                ChannelRepository::toView);
    }

    /** The channel with the ids of every group it belongs to (static members ∪ rule matches), in one statement. */
    public Uni<Optional<ChannelWithGroups>> findWithGroups(SqlClient client, String tenant, UUID id) {
        return db.one(client, "select " + columns("c") + ", array(select m.group_id from channel_group_member m"
                        + " where m.tenant_id = c.tenant_id and m.channel_id = c.id"
                        + " union select g.id from channel_group g where g.tenant_id = c.tenant_id and " + ChannelGroupRepository.RULE_MATCHES
                        + " order by 1) as group_ids from channel c where c.tenant_id = $1 and c.id = $2", Tuple.of(tenant, id),
                r -> new ChannelWithGroups(toView(r), List.of(r.getArrayOfUUIDs("group_ids"))));
    }

    public Uni<Optional<ChannelView>> lockForUpdate(SqlClient tx, String tenant, UUID id) {
        return db.one(tx, "select " + COLUMNS + " from channel where tenant_id = $1 and id = $2 for update", Tuple.of(tenant, id),
                ChannelRepository::toView);
    }

    /** Writes a channel's mutable fields and bumps its version; the caller holds the row lock. */
    public Uni<Void> update(SqlClient tx, String tenant, ChannelView v, Instant now) {
        ContactView c = v.contact();
        return db.query(tx, "update channel set code = $3, name = $4, region = $5, tier = $6, parent_id = $7, credit_limit = $8, "
                        + "currency = $9, contact_name = $10, contact_phone = $11, contact_email = $12, version = version + 1, "
                        + "updated_at = $13 where tenant_id = $1 and id = $2",
                Tuple.from(new Object[]{tenant, UUID.fromString(v.id()), v.code(), v.name(), v.region(), v.tier(),
                        v.parentId() == null ? null : UUID.fromString(v.parentId()), v.creditLimit(), v.currency(),
                        c == null ? null : c.name(), c == null ? null : c.phone(), c == null ? null : c.email(),
                        now.atOffset(ZoneOffset.UTC)})).replaceWithVoid();
    }

    public Uni<Void> setStatus(SqlClient tx, String tenant, UUID id, ChannelStatus status, Instant now) {
        return db.query(tx, "update channel set status = $3, version = version + 1, updated_at = $4 where tenant_id = $1 and id = $2",
                Tuple.of(tenant, id, status.name(), now.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    public Uni<Void> setTier(SqlClient tx, String tenant, UUID id, String tier, Instant now) {
        return db.query(tx, "update channel set tier = $3, version = version + 1, updated_at = $4 where tenant_id = $1 and id = $2",
                Tuple.of(tenant, id, tier, now.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    /** Serialises changes of the tenant's hierarchy, so two concurrent re-parentings cannot close a cycle. */
    public Uni<Void> lockHierarchy(SqlClient tx, String tenant) {
        return db.query(tx, "select pg_advisory_xact_lock(hashtextextended('channel-tree:' || $1, 0))", Tuple.of(tenant))
                .replaceWithVoid();
    }

    public record Ancestry(boolean parentExists, boolean containsChild) {
    }

    /** Walks up from {@code parent}: does it exist, and is {@code child} among it and its ancestors (a cycle)? */
    public Uni<Ancestry> ancestry(SqlClient tx, String tenant, UUID parent, UUID child) {
        return db.one(tx, "with recursive up(id, parent_id) as ("
                                + " select id, parent_id from channel where tenant_id = $1 and id = $2"
                                + " union select c.id, c.parent_id from channel c join up on c.id = up.parent_id where c.tenant_id = $1)"
                                + " select count(*) filter (where id = $2) as found, count(*) filter (where id = $3) as cycle from up",
                        Tuple.of(tenant, parent, child), r -> new Ancestry(r.getLong("found") > 0, r.getLong("cycle") > 0))
                .map(Optional::orElseThrow);
    }

    public Uni<Void> insertHistory(SqlClient tx, String tenant, UUID channelId, ChannelStatus from, ChannelStatus to,
                                   String actor, String reason, Instant at) {
        return db.query(tx, "insert into channel_status_history (tenant_id, " + HISTORY_COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8)",
                Tuple.from(new Object[]{tenant, dev.channelhub.shared.persistence.Ids.newId(), channelId,
                        from == null ? null : from.name(), to.name(), actor, reason, at.atOffset(ZoneOffset.UTC)})).replaceWithVoid();
    }

    public Uni<List<StatusChangeView>> history(String tenant, UUID channelId, PageRequest page) {
        return db.list("select " + HISTORY_COLUMNS + " from channel_status_history where tenant_id = $1 and channel_id = $2"
                        + (page.after() == null ? " and $3::uuid is null" : " and id > $3") + " order by id limit $4",
                Tuple.of(tenant, channelId, page.afterId(), page.fetchSize()), r -> {
                    String from = r.getString("from_status");
                    return new StatusChangeView(r.getUUID("id").toString(), r.getUUID("channel_id").toString(),
                            from == null ? null : ChannelStatus.valueOf(from), ChannelStatus.valueOf(r.getString("to_status")),
                            r.getString("actor"), r.getString("reason"), r.getOffsetDateTime("occurred_at").toInstant());
                });
    }

    public Uni<RatingView> insertRating(SqlClient tx, String tenant, UUID channelId, RateChannelRequest req, String actor, Instant at) {
        return db.one(tx, "insert into channel_rating (tenant_id, " + RATING_COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                                + " returning " + RATING_COLUMNS,
                        Tuple.from(new Object[]{tenant, dev.channelhub.shared.persistence.Ids.newId(), channelId, req.period(),
                                req.score().shortValue(), req.tier(), req.notes(), actor, at.atOffset(ZoneOffset.UTC)}),
                        ChannelRepository::toRating)
                .map(Optional::orElseThrow);
    }

    public Uni<List<RatingView>> ratings(String tenant, UUID channelId, PageRequest page) {
        return db.list("select " + RATING_COLUMNS + " from channel_rating where tenant_id = $1 and channel_id = $2"
                        + (page.after() == null ? " and $3::uuid is null" : " and id > $3") + " order by id limit $4",
                Tuple.of(tenant, channelId, page.afterId(), page.fetchSize()), ChannelRepository::toRating);
    }

    static RatingView toRating(Row r) {
        return new RatingView(r.getUUID("id").toString(), r.getUUID("channel_id").toString(), r.getString("period"),
                r.getInteger("score"), r.getString("tier"), r.getString("notes"), r.getString("rated_by"),
                r.getOffsetDateTime("rated_at").toInstant());
    }

    /** Children of any of the parents (batched GraphQL field), ordered by parent then id. */
    public Uni<List<ChannelView>> childrenOf(String tenant, Collection<UUID> parentIds) {
        return db.list("select " + COLUMNS + " from channel where tenant_id = $1 and parent_id = any($2) order by parent_id, id",
                Tuple.of(tenant, parentIds.toArray(new UUID[0])), ChannelRepository::toView);
    }

    /** The channels among {@code ids} that {@code partnerChannel} may see. */
    public Uni<List<ChannelView>> findAllVisibleToPartner(String tenant, UUID partnerChannel, Collection<UUID> ids) {
        return db.list(PARTNER_SCOPE + "select " + COLUMNS + " from channel where tenant_id = $1 and id = any($3) and id in (select id from scope)",
                Tuple.of(tenant, partnerChannel, ids.toArray(new UUID[0])), ChannelRepository::toView);
    }

    /** The channel if {@code partnerChannel} may see it (itself or a descendant). */
    public Uni<Optional<ChannelView>> findVisibleToPartner(String tenant, UUID partnerChannel, UUID id) {
        return db.one(PARTNER_SCOPE + "select " + COLUMNS + " from channel where tenant_id = $1 and id = $3 and id in (select id from scope)",
                Tuple.of(tenant, partnerChannel, id), ChannelRepository::toView);
    }

    public Uni<List<ChannelView>> findAll(String tenant, Collection<UUID> ids) {
        return db.list("select " + COLUMNS + " from channel where tenant_id = $1 and id = any($2)",
                Tuple.of(tenant, ids.toArray(new UUID[0])), ChannelRepository::toView);
    }

    public Uni<List<ChannelView>> list(String tenant, UUID partnerChannel, ChannelFilter f, PageRequest page) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder sql = new StringBuilder();
        if (partnerChannel != null) {
            args.add(partnerChannel);
            sql.append(PARTNER_SCOPE);
        }
        sql.append("select ").append(COLUMNS).append(" from channel where tenant_id = $1");
        if (partnerChannel != null) {
            sql.append(" and id in (select id from scope)");
        }
        if (f.type() != null) {
            args.add(f.type().name());
            sql.append(" and type = $").append(args.size());
        }
        if (f.status() != null) {
            args.add(f.status().name());
            sql.append(" and status = $").append(args.size());
        }
        if (f.tier() != null) {
            args.add(f.tier());
            sql.append(" and tier = $").append(args.size());
        }
        if (f.region() != null) {
            args.add(f.region());
            sql.append(" and region = $").append(args.size());
        }
        if (f.parentId() != null) {
            args.add(f.parentId());
            sql.append(" and parent_id = $").append(args.size());
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), ChannelRepository::toView);
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
