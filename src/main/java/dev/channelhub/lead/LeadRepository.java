package dev.channelhub.lead;

import dev.channelhub.shared.money.Money;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for leads, assignments and rejections (routing rules: {@link LeadRoutingRuleRepository}; settings:
 * {@link LeadSettingsRepository}). Every statement is scoped by tenant.
 */
@ApplicationScoped
public class LeadRepository {

    static final String COLUMNS = """
            id, status, customer_id, source_channel_id, assigned_channel_id, conversion_channel_id, order_id, region, category,
            estimated_value, currency, note, routing_rule_id, assigned_at, accept_deadline, accepted_at, closed_at, closed_reason,
            version, created_at, updated_at""";

    private static final String FIND = """
            select %s from lead where tenant_id = $1 and id = $2""".formatted(COLUMNS);

    private static final String FIND_FOR_UPDATE = """
            select %s from lead where tenant_id = $1 and id = $2 for update""".formatted(COLUMNS);

    private static final String LIST = """
            select %s from lead where tenant_id = $1""".formatted(COLUMNS);

    /** A status change; %s sets what the new status records besides (see {@link #setStatus}). */
    private static final String SET_STATUS = """
            update lead set status = $3%s, version = version + 1, updated_at = now() where tenant_id = $1 and id = $2""";
    private static final String SET_ACCEPTED = """
            , accepted_at = now()""";
    private static final String SET_LOST = """
            , closed_at = now(), closed_reason = $4""";

    @Inject
    Db db;

    private static final String LOCK_ROUTING = """
            select pg_advisory_xact_lock(hashtext('lead-routing:' || $1))""";

    /** Routing is serialised per tenant so that concurrent leads see each other's assignments (least-loaded is exact). */
    public Uni<Void> lockRouting(SqlClient tx, String tenant) {
        return db.query(tx, LOCK_ROUTING, Tuple.of(tenant)).replaceWithVoid();
    }

    private static final String INSERT = """
            insert into lead (tenant_id, id, customer_id, original_customer_id, source_channel_id, status, region,
            category, estimated_value, currency, note, created_by) values ($1, $2, $3, $3, $4, 'UNASSIGNED', $5, $6, $7, $8, $9, $10)""";

    public Uni<Void> insert(SqlClient tx, String tenant, UUID id, UUID customerId, CreateLeadRequest r, UUID source, String currency,
                            String actor) {
        return db.query(tx, INSERT,
                Tuple.from(new Object[]{tenant, id, customerId, source, blankToNull(r.region()), blankToNull(r.category()),
                        r.estimatedValue(), currency, r.note(), actor})).replaceWithVoid();
    }

    public Uni<Optional<LeadView>> find(SqlClient client, String tenant, UUID id, boolean forUpdate) {
        return db.one(client, forUpdate ? FIND_FOR_UPDATE : FIND,
                Tuple.of(tenant, id), LeadRepository::toView);
    }

    public Uni<List<LeadView>> list(String tenant, UUID partnerChannel, LeadFilter f, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        StringBuilder sql = new StringBuilder(LIST);
        if (partnerChannel != null) {
            args.add(partnerChannel);
            sql.append(" and (assigned_channel_id = $2 or source_channel_id = $2)");
        }
        if (f.status() != null) {
            args.add(f.status().name());
            sql.append(" and status = $").append(args.size());
        }
        if (f.assignedChannelId() != null) {
            args.add(f.assignedChannelId());
            sql.append(" and assigned_channel_id = $").append(args.size());
        }
        if (f.sourceChannelId() != null) {
            args.add(f.sourceChannelId());
            sql.append(" and source_channel_id = $").append(args.size());
        }
        if (f.customerId() != null) {
            args.add(f.customerId());
            sql.append(" and customer_id = $").append(args.size());
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), LeadRepository::toView);
    }

    private static final String ASSIGN_2 = """
            insert into lead_assignment (tenant_id, id, lead_id, channel_id, rule_id, reason, actor)
            values ($1, $2, $3, $4, $5, $6, $7)""";

    private static final String ASSIGN = """
            update lead set status = 'NEW', assigned_channel_id = $3, routing_rule_id = $4, assigned_at = clock_timestamp(),
            accept_deadline = $5, accepted_at = null, version = version + 1, updated_at = now() where tenant_id = $1 and id = $2""";

    public Uni<Void> assign(SqlClient tx, String tenant, UUID leadId, UUID channelId, UUID ruleId, Instant deadline, String reason,
                            String actor) {
        return db.query(tx, ASSIGN,
                        Tuple.of(tenant, leadId, channelId, ruleId, utc(deadline)))
                .flatMap(x -> db.query(tx, ASSIGN_2,
                        Tuple.from(new Object[]{tenant, dev.channelhub.shared.persistence.Ids.newId(), leadId, channelId, ruleId, reason, actor})))
                .replaceWithVoid();
    }

    private static final String UNASSIGN = """
            update lead set status = 'UNASSIGNED', assigned_channel_id = null, routing_rule_id = null, assigned_at = null,
            accept_deadline = null, accepted_at = null, version = version + 1, updated_at = now() where tenant_id = $1 and id = $2""";

    public Uni<Void> unassign(SqlClient tx, String tenant, UUID leadId) {
        return db.query(tx, UNASSIGN,
                Tuple.of(tenant, leadId)).replaceWithVoid();
    }

    public Uni<Void> setStatus(SqlClient tx, String tenant, UUID leadId, LeadStatus status, String reason) {
        String extra = switch (status) {
            case ACCEPTED -> SET_ACCEPTED;
            case LOST -> SET_LOST;
            default -> "";
        };
        String sql = SET_STATUS.formatted(extra);
        Tuple args = status == LeadStatus.LOST ? Tuple.of(tenant, leadId, status.name(), reason) : Tuple.of(tenant, leadId, status.name());
        return db.query(tx, sql, args).replaceWithVoid();
    }

    private static final String CONVERT = """
            update lead set status = 'CONVERTED', order_id = $3, conversion_channel_id = $4, closed_at = now(),
            version = version + 1, updated_at = now() where tenant_id = $1 and id = $2""";

    public Uni<Void> convert(SqlClient tx, String tenant, UUID leadId, UUID orderId, UUID conversionChannel) {
        return db.query(tx, CONVERT,
                Tuple.of(tenant, leadId, orderId, conversionChannel)).replaceWithVoid();
    }

    private static final String REJECT = """
            insert into lead_rejection (tenant_id, lead_id, channel_id, reason, note) values ($1, $2, $3, $4, $5)
            on conflict do nothing""";

    public Uni<Void> reject(SqlClient tx, String tenant, UUID leadId, UUID channelId, String reason, String note) {
        return db.query(tx, REJECT, Tuple.of(tenant, leadId, channelId, reason, note)).replaceWithVoid();
    }

    private static final String REJECTED_BY = """
            select channel_id from lead_rejection where tenant_id = $1 and lead_id = $2""";

    public Uni<List<UUID>> rejectedBy(SqlClient tx, String tenant, UUID leadId) {
        return db.list(tx, REJECTED_BY, Tuple.of(tenant, leadId),
                r -> r.getUUID("channel_id"));
    }

    private static final String LOADS = """
            select c as channel_id,
            (select count(*) from lead l where l.tenant_id = $1 and l.assigned_channel_id = c and l.status in ('NEW', 'ACCEPTED')) as open,
            (select max(a.assigned_at) from lead_assignment a where a.tenant_id = $1 and a.channel_id = c) as last
            from unnest($2::uuid[]) as c""";

    /** Open (NEW or ACCEPTED) leads and the last assignment time of each channel, one statement. */
    public Uni<List<LeadRouter.Candidate>> loads(SqlClient tx, String tenant, Collection<UUID> channels) {
        return db.list(tx, LOADS,
                Tuple.of(tenant, channels.toArray(new UUID[0])),
                r -> new LeadRouter.Candidate(r.getUUID("channel_id"), r.getLong("open"), instant(r, "last")));
    }

    private static final String OVERDUE = """
            select tenant_id, id from lead where status = 'NEW' and accept_deadline <= $1 order by accept_deadline limit $2""";

    /** NEW leads whose accept deadline passed, across tenants (the scheduled job). */
    public Uni<List<Object[]>> overdue(Instant now, int limit) {
        return db.list(OVERDUE,
                Tuple.of(utc(now), limit), r -> new Object[]{r.getString("tenant_id"), r.getUUID("id")});
    }

    /** An order as the order-placed hook saw it: its channel and its customer at placement (null without one). */
    public record OrderRef(UUID channelId, UUID customerId) {
    }

    private static final String ORDER_REF = """
            select channel_id, customer_id from lead_order_ref where tenant_id = $1 and order_id = $2""";

    public Uni<Optional<OrderRef>> orderRef(SqlClient client, String tenant, UUID orderId) {
        return db.one(client, ORDER_REF,
                Tuple.of(tenant, orderId), r -> new OrderRef(r.getUUID("channel_id"), r.getUUID("customer_id")));
    }

    // ---- cross-feature reads

    private static final String OPEN_LEADS = """
            select customer_id, id, status, assigned_channel_id, category, estimated_value, currency, created_at
            from lead where tenant_id = $1 and customer_id = any($2) and status in ('UNASSIGNED', 'NEW', 'ACCEPTED')
            order by id desc""";

    public Uni<List<Row>> openLeads(SqlClient client, String tenant, List<UUID> customerIds) {
        return db.list(client, OPEN_LEADS, Tuple.of(tenant, customerIds.toArray(new UUID[0])), r -> r);
    }

    private static final String CONVERSION_FIGURES = """
            select c as channel_id,
            (select count(*) from lead l where l.tenant_id = $1 and l.source_channel_id = c and l.created_at >= $3 and l.created_at < $4) as originated,
            (select count(*) from lead l where l.tenant_id = $1 and l.source_channel_id = c and l.status = 'CONVERTED'
            and l.created_at >= $3 and l.created_at < $4) as originated_converted,
            (select count(distinct a.lead_id) from lead_assignment a where a.tenant_id = $1 and a.channel_id = c
            and a.assigned_at >= $3 and a.assigned_at < $4) as assigned,
            (select count(*) from lead l where l.tenant_id = $1 and l.conversion_channel_id = c and l.closed_at >= $3 and l.closed_at < $4) as converted
            from unnest($2::uuid[]) as c""";

    public Uni<List<Row>> conversionFigures(SqlClient client, String tenant, List<UUID> channels, Instant from, Instant to) {
        return db.list(client, CONVERSION_FIGURES,
                Tuple.of(tenant, channels.toArray(new UUID[0]), utc(from), utc(to)), r -> r);
    }

    static LeadView toView(Row r) {
        String currency = r.getString("currency");
        BigDecimal value = r.getBigDecimal("estimated_value");
        return new LeadView(r.getUUID("id").toString(), LeadStatus.valueOf(r.getString("status")), r.getUUID("customer_id").toString(),
                str(r.getUUID("source_channel_id")), str(r.getUUID("assigned_channel_id")), str(r.getUUID("conversion_channel_id")),
                str(r.getUUID("order_id")), r.getString("region"), r.getString("category"), Money.round(value, currency), currency,
                r.getString("note"), str(r.getUUID("routing_rule_id")), instant(r, "assigned_at"), instant(r, "accept_deadline"),
                instant(r, "accepted_at"), instant(r, "closed_at"), r.getString("closed_reason"), r.getInteger("version"),
                instant(r, "created_at"), instant(r, "updated_at"));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    /** Merge: every lead of the sources now belongs to the survivor. */
    private static final String FOLLOW_MERGE = """
            update lead set customer_id = $3, version = version + 1, updated_at = now()
             where tenant_id = $1 and customer_id = any($2)""";

    /** Unmerge: only the leads first recorded for the source ({@code original_customer_id}) go back to it. */
    private static final String FOLLOW_UNMERGE = """
            update lead set customer_id = $2, version = version + 1, updated_at = now()
             where tenant_id = $1 and customer_id = $3 and original_customer_id = $2""";

    public Uni<Void> followMerge(SqlClient tx, String tenant, List<UUID> sources, UUID survivor) {
        return db.query(tx, FOLLOW_MERGE, Tuple.of(tenant, sources.toArray(new UUID[0]), survivor)).replaceWithVoid();
    }

    public Uni<Void> followUnmerge(SqlClient tx, String tenant, UUID source, UUID survivor) {
        return db.query(tx, FOLLOW_UNMERGE, Tuple.of(tenant, source, survivor)).replaceWithVoid();
    }
}
