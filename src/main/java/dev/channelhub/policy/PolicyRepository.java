package dev.channelhub.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Policies, their versions, targets and acknowledgements. The policy row is an entity ({@link PolicyEntity}) written in
 * the service's Hibernate Reactive transaction, with its version copy and targets as native statements on the same
 * session. Reads stay SQL on the pool (GraphQL resolves sibling fields in parallel; a Hibernate Reactive session allows
 * one operation at a time), and so do the partner's read/acknowledge rows and the lazy targeting of channels that match
 * later: set-based, idempotent upserts keyed by (policy, channel[, version]), not entities. Every statement is scoped by
 * tenant.
 */
@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<PolicyEntity, TenantKey> {

    static final String COLUMNS = """
            p.id, p.title, p.kind, p.body, p.attachments, p.audience, p.requires_ack, p.effective_from, p.expires_at, p.version,
            p.published_at, p.updated_at""";

    private static final String IN_EFFECT = """
            p.effective_from <= now() and (p.expires_at is null or p.expires_at > now())""";

    /** A target row that exists is kept; a dropped one is targeted again (its history kept). */
    private static final String ON_TARGET_CONFLICT = """
             on conflict (tenant_id, policy_id, channel_id) do update
            set dropped_at = null, added_by = excluded.added_by, targeted_at = now()
            where policy_target.dropped_at is not null""";

    @Inject
    Db db;

    @Inject
    ObjectMapper mapper;

    /**
     * One row of a policy's reach: a channel and what it did with the current version. {@code droppedAt} is set when a
     * PATCH of the audience dropped it: it is no longer targeted, its reads and acknowledgements stay as history.
     */
    public record ReachRow(UUID policyId, UUID channelId, boolean readCurrent, boolean ackCurrent, boolean ackOlder,
                           Instant droppedAt, Integer readVersion, Integer ackVersion) {
    }

    // ---- in the service's Hibernate Reactive transaction: the policy is an entity, its version copy and targets are rows

    /** The policy row locked for the rest of the transaction ({@code for no key update}); null when absent. */
    public Uni<PolicyEntity> lockEntity(String tenant, UUID id) {
        return findById(TenantKey.of(tenant, id), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Copies the current version (as flushed) into the history. */
    private static final String RECORD_VERSION = """
            insert into policy_version (tenant_id, policy_id, version, title, kind, body, attachments, audience, requires_ack,
            effective_from, expires_at, published_by, published_at)
            select tenant_id, id, version, title, kind, body, attachments, audience, requires_ack, effective_from, expires_at,
            ?3, updated_at from policy where tenant_id = ?1 and id = ?2""";

    /** {@link #ADD_TARGETS} on the session: ?3 is the channels as a uuid[] literal ({a,b}). */
    private static final String ADD_TARGETS_ON_SESSION = """
            insert into policy_target (tenant_id, policy_id, channel_id, added_by)
            select ?1, p.id, c, ?4 from (select id from policy where tenant_id = ?1 and id = ?2 and version = ?5 for share) p,
                 unnest(cast(cast(?3 as text) as uuid[])) as c %s""".formatted(ON_TARGET_CONFLICT);

    /** {@link #DROP_TARGETS} on the session: ?3 is the channels kept, as a uuid[] literal. */
    private static final String DROP_TARGETS_ON_SESSION = """
            update policy_target set dropped_at = now()
            where tenant_id = ?1 and policy_id = ?2 and dropped_at is null
            and not (channel_id = any(cast(cast(?3 as text) as uuid[])))""";

    /** Copies the policy's current version into {@code policy_version}; flush the entity first. */
    public Uni<Void> recordVersion(Mutiny.Session session, String tenant, UUID id, String publishedBy) {
        return session.createNativeQuery(RECORD_VERSION).setParameter(1, tenant).setParameter(2, id).setParameter(3, publishedBy)
                .executeUpdate().replaceWithVoid();
    }

    /** {@link #addTargets(SqlClient, String, UUID, int, Collection, String)} in the session's transaction. */
    public Uni<Void> addTargets(Mutiny.Session session, String tenant, UUID policyId, int version, Collection<UUID> channelIds,
                                String addedBy) {
        if (channelIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery(ADD_TARGETS_ON_SESSION).setParameter(1, tenant).setParameter(2, policyId)
                .setParameter(3, uuidArray(channelIds)).setParameter(4, addedBy).setParameter(5, version)
                .executeUpdate().replaceWithVoid();
    }

    /** After a PATCH of the audience: every target not in {@code keep} is dropped (its row stays, as history). */
    public Uni<Void> dropTargetsExcept(Mutiny.Session session, String tenant, UUID policyId, Collection<UUID> keep) {
        return session.createNativeQuery(DROP_TARGETS_ON_SESSION).setParameter(1, tenant).setParameter(2, policyId)
                .setParameter(3, uuidArray(keep)).executeUpdate().replaceWithVoid();
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

    /** The view of an entity (after its flush: the version is the one written). */
    PolicyView toView(PolicyEntity e) {
        return e.toView(readAttachments(e.attachmentsJson), readAudience(e.audienceJson));
    }

    /** The attachments as the {@code jsonb} text {@link PolicyEntity} holds. */
    String attachmentsJson(List<Attachment> list) {
        return attachments(list).encode();
    }

    /** The audience as the {@code jsonb} text {@link PolicyEntity} holds. */
    String audienceJson(Audience audience) {
        return json(audience).encode();
    }

    // ---- SQL on the pool: reads, and the set-based target, read and acknowledgement rows


    /**
     * Targets {@code channelIds} with the policy, provided it is still at {@code version} (the audience they were matched
     * against). The policy row is read FOR SHARE, so this waits for a concurrent PATCH and then adds nothing: a stale
     * audience never re-targets a channel the PATCH dropped.
     */
    public Uni<Void> addTargets(SqlClient client, String tenant, UUID policyId, int version, Collection<UUID> channelIds,
                                String addedBy) {
        if (channelIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.query(client, ADD_TARGETS, Tuple.of(tenant, policyId, channelIds.toArray(new UUID[0]), addedBy, version))
                .replaceWithVoid();
    }

    private static final String ADD_TARGETS = """
            insert into policy_target (tenant_id, policy_id, channel_id, added_by)
            select $1, p.id, c, $4 from (select id from policy where tenant_id = $1 and id = $2 and version = $5 for share) p,
                 unnest($3::uuid[]) as c %s""".formatted(ON_TARGET_CONFLICT);

    /** Targets one channel with several policies, each at the version it was matched against (see {@link #addTargets}). */
    public Uni<Void> addChannelToPolicies(SqlClient client, String tenant, UUID channelId, List<PolicyView> policies) {
        if (policies.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.query(client, ADD_CHANNEL_TO_POLICIES, Tuple.of(tenant,
                        policies.stream().map(p -> UUID.fromString(p.id())).toArray(UUID[]::new), channelId,
                        policies.stream().map(PolicyView::version).toArray(Integer[]::new)))
                .replaceWithVoid();
    }

    private static final String ADD_CHANNEL_TO_POLICIES = """
            insert into policy_target (tenant_id, policy_id, channel_id, added_by)
            select $1, p.id, $3, 'LATER' from (select p.id from policy p join unnest($2::uuid[], $4::int[]) as m(id, v)
                 on p.id = m.id and p.version = m.v where p.tenant_id = $1 for share of p) p %s""".formatted(ON_TARGET_CONFLICT);

    private static final String FIND = """
            select %s from policy p where p.tenant_id = $1 and p.id = $2""".formatted(COLUMNS);

    private static final String FIND_ALL = """
            select %s from policy p where p.tenant_id = $1 and p.id = any($2)""".formatted(COLUMNS);

    private static final String LIST = """
            select %s from policy p where p.tenant_id = $1""".formatted(COLUMNS);

    private static final String NOT_TARGETING = """
            select %s from policy p where p.tenant_id = $1 and (p.expires_at is null or p.expires_at > now())
            and not exists (select 1 from policy_target t where t.tenant_id = p.tenant_id and t.policy_id = p.id
            and t.channel_id = $2 and t.dropped_at is null)""".formatted(COLUMNS);

    /** The inbox's rows before its optional filters: the targets of channel $2 in effect, with read and latest acknowledgement. */
    private static final String INBOX = """
            select %s, t.read_version, t.read_at, a.version as ack_version, a.acknowledged_at,
            case when t.read_version >= p.version then 1 else 0 end as rank
            from policy_target t join policy p on p.tenant_id = t.tenant_id and p.id = t.policy_id
            left join lateral (select k.version, k.acknowledged_at from policy_ack k where k.tenant_id = t.tenant_id
            and k.policy_id = t.policy_id and k.channel_id = t.channel_id order by k.version desc limit 1) a on true
            where t.tenant_id = $1 and t.channel_id = $2 and t.dropped_at is null and %s""".formatted(COLUMNS, IN_EFFECT);

    /** Reading moves the read time only when the version read is new; only a target of a policy in effect can be read. */
    private static final String MARK_READ = """
            update policy_target t set read_at = case when t.read_version = p.version then t.read_at else now() end,
            read_version = p.version from policy p where t.tenant_id = $1 and t.policy_id = $2 and t.channel_id = $3
            and t.dropped_at is null and p.tenant_id = t.tenant_id and p.id = t.policy_id and %s""".formatted(IN_EFFECT);

    /** One acknowledgement per (policy, channel, version): acknowledging again changes nothing. */
    private static final String ACKNOWLEDGE = """
            insert into policy_ack (tenant_id, policy_id, channel_id, version, actor) values ($1, $2, $3, $4, $5)
            on conflict do nothing""";

    private static final String REACH = """
            select t.policy_id, t.channel_id, coalesce(t.read_version >= p.version, false) as read_current,
            exists (select 1 from policy_ack k where k.tenant_id = t.tenant_id and k.policy_id = t.policy_id
            and k.channel_id = t.channel_id and k.version = p.version) as ack_current,
            exists (select 1 from policy_ack k where k.tenant_id = t.tenant_id and k.policy_id = t.policy_id
            and k.channel_id = t.channel_id and k.version < p.version) as ack_older,
            t.dropped_at, t.read_version, (select max(k.version) from policy_ack k where k.tenant_id = t.tenant_id
            and k.policy_id = t.policy_id and k.channel_id = t.channel_id) as ack_version
            from policy_target t join policy p on p.tenant_id = t.tenant_id and p.id = t.policy_id
            where t.tenant_id = $1 and t.policy_id = any($2) order by t.channel_id""";

    private static final String ACK_FIGURES = """
            select count(*) as required, count(*) filter (where exists (select 1 from policy_ack k
            where k.tenant_id = t.tenant_id and k.policy_id = t.policy_id and k.channel_id = t.channel_id
            and k.version = p.version)) as acked from policy_target t join policy p on p.tenant_id = t.tenant_id
            and p.id = t.policy_id where t.tenant_id = $1 and t.channel_id = $2 and t.dropped_at is null and p.requires_ack""";

    public Uni<Optional<PolicyView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND, Tuple.of(tenant, id),
                this::toView);
    }

    public Uni<List<PolicyView>> findAll(SqlClient client, String tenant, Collection<UUID> ids) {
        return db.list(client, FIND_ALL,
                Tuple.of(tenant, ids.toArray(new UUID[0])), this::toView);
    }

    public Uni<List<PolicyView>> list(String tenant, PolicyKind kind, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        StringBuilder sql = new StringBuilder(LIST);
        if (kind != null) {
            args.add(kind.name());
            sql.append(" and p.kind = $").append(args.size());
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and p.id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by p.id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), this::toView);
    }

    /** Policies not yet expired that do not target {@code channelId}: candidates for a channel that matches later. */
    public Uni<List<PolicyView>> notTargeting(SqlClient client, String tenant, UUID channelId) {
        return db.list(client, NOT_TARGETING, Tuple.of(tenant, channelId), this::toView);
    }

    /**
     * A channel's inbox: policies in effect that target it, unread (at the current version) first, then newest first.
     * The cursor key is {@code <rank>:<id>} with rank 0 for unread and 1 for read.
     */
    public Uni<List<InboxItem>> inbox(SqlClient client, String tenant, UUID channelId, PolicyKind kind, UUID onlyPolicy,
                                      String afterKey, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant, channelId));
        StringBuilder inner = new StringBuilder(INBOX);
        if (kind != null) {
            args.add(kind.name());
            inner.append(" and p.kind = $").append(args.size());
        }
        if (onlyPolicy != null) {
            args.add(onlyPolicy);
            inner.append(" and p.id = $").append(args.size());
        }
        StringBuilder sql = new StringBuilder("select * from (").append(inner).append(") x");
        if (afterKey != null) {
            int rank = afterKey.startsWith("1:") ? 1 : 0;
            UUID after = UUID.fromString(afterKey.substring(2));
            args.add(rank);
            args.add(after);
            sql.append(" where (x.rank > $").append(args.size() - 1).append(" or (x.rank = $").append(args.size() - 1)
                    .append(" and x.id < $").append(args.size()).append("))");
        }
        args.add(limit);
        sql.append(" order by x.rank, x.id desc limit $").append(args.size());
        return db.list(client, sql.toString(), Tuple.from(args), row -> {
            PolicyView p = toView(row).forPartner();
            Integer ackVersion = row.getInteger("ack_version");
            return new InboxItem(p, row.getInteger("rank") == 1, instant(row, "read_at"),
                    ackVersion != null && ackVersion == p.version(), ackVersion, instant(row, "acknowledged_at"));
        });
    }

    /** Marks the current version read; false when the policy is not in effect for this channel. */
    public Uni<Boolean> markRead(SqlClient client, String tenant, UUID policyId, UUID channelId) {
        return db.query(client, MARK_READ, Tuple.of(tenant, policyId, channelId)).map(rs -> rs.rowCount() == 1);
    }

    public Uni<Void> acknowledge(SqlClient client, String tenant, UUID policyId, UUID channelId, int version, String actor) {
        return db.query(client, ACKNOWLEDGE, Tuple.of(tenant, policyId, channelId, version, actor)).replaceWithVoid();
    }

    public Uni<List<ReachRow>> reach(SqlClient client, String tenant, Collection<UUID> policyIds) {
        return db.list(client, REACH, Tuple.of(tenant, policyIds.toArray(new UUID[0])),
                r -> new ReachRow(r.getUUID("policy_id"), r.getUUID("channel_id"), r.getBoolean("read_current"),
                        r.getBoolean("ack_current"), r.getBoolean("ack_older"), instant(r, "dropped_at"), r.getInteger("read_version"),
                        r.getInteger("ack_version")));
    }

    /** Share of policies requiring acknowledgement that the channel acknowledged at their current version (analytics). */
    public Uni<Optional<double[]>> ackFigures(SqlClient client, String tenant, UUID channelId) {
        return db.one(client, ACK_FIGURES, Tuple.of(tenant, channelId), r -> new double[]{r.getLong("required"), r.getLong("acked")});
    }

    PolicyView toView(Row r) {
        return new PolicyView(r.getUUID("id").toString(), r.getString("title"), PolicyKind.valueOf(r.getString("kind")),
                r.getString("body"), readAttachments(r.getValue("attachments")), readAudience(r.getValue("audience")),
                r.getBoolean("requires_ack"), instant(r, "effective_from"), instant(r, "expires_at"), r.getInteger("version"),
                instant(r, "published_at"), instant(r, "updated_at"));
    }

    private List<Attachment> readAttachments(Object value) {
        String json = value instanceof JsonArray a ? a.encode() : String.valueOf(value);
        try {
            return mapper.readValue(json, new TypeReference<List<Attachment>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("stored attachments cannot be read", e);
        }
    }

    private Audience readAudience(Object value) {
        String json = value instanceof JsonObject o ? o.encode() : String.valueOf(value);
        try {
            return mapper.readValue(json, Audience.class).normalised();
        } catch (Exception e) {
            throw new IllegalStateException("stored audience cannot be read", e);
        }
    }

    private JsonArray attachments(List<Attachment> list) {
        JsonArray out = new JsonArray();
        if (list != null) {
            list.forEach(a -> out.add(new JsonObject().put("name", a.name()).put("url", a.url())));
        }
        return out;
    }

    private JsonObject json(Audience audience) {
        try {
            return new JsonObject(mapper.writeValueAsString(audience));
        } catch (Exception e) {
            throw new IllegalStateException("audience cannot be stored", e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
