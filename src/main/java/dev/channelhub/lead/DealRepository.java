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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.channelhub.lead.LeadRepository.instant;
import static dev.channelhub.lead.LeadRepository.utc;

/** SQL for deal registrations and channel conflicts. A protection whose end passed reads as EXPIRED even before the job runs. */
@ApplicationScoped
public class DealRepository {

    /** A protection past its end reads as EXPIRED, whatever the stored status. */
    static final String COLUMNS = """
            id, channel_id, customer_id, expected_value, currency, close_date, skus, note, registered_at, protected_until,
            decided_at, decided_by, decision_reason, extension_days, extension_reason, version, updated_at,
            case when status in ('PENDING', 'APPROVED') and protected_until <= now() then 'EXPIRED' else status end as status""";

    static final String ACTIVE = """
            status in ('PENDING', 'APPROVED') and protected_until > now()""";

    @Inject
    Db db;

    private static final String LOCK_CUSTOMER = """
            select pg_advisory_xact_lock(hashtext('deal:' || $1 || ':' || $2))""";

    /** Registrations of one customer are serialised: the first one wins, by server time. */
    public Uni<Void> lockCustomer(SqlClient tx, String tenant, UUID customerId) {
        return db.query(tx, LOCK_CUSTOMER, Tuple.of(tenant, customerId.toString()))
                .replaceWithVoid();
    }

    private static final String ACTIVE_FOR = """
            select %s from deal where tenant_id = $1 and customer_id = $2 and %s order by registered_at, id limit 1"""
            .formatted(COLUMNS, ACTIVE);

    private static final String FIND = """
            select %s from deal where tenant_id = $1 and id = $2""".formatted(COLUMNS);

    private static final String FIND_FOR_UPDATE = """
            select %s from deal where tenant_id = $1 and id = $2 for update""".formatted(COLUMNS);

    /** The list's inner select before its filters (the status is computed, so the outer select filters on it). */
    private static final String LIST = """
            select * from (select %s from deal where tenant_id = $1""".formatted(COLUMNS);

    private static final String CONFLICTS = """
            select id, deal_id, order_id, order_channel_id, deal_channel_id, customer_id, order_total, currency, occurred_at
            from deal_conflict where tenant_id = $1""";

    /** The protection in force for a customer (the oldest if a merge brought two together). */
    public Uni<Optional<DealView>> activeFor(SqlClient client, String tenant, UUID customerId) {
        return db.one(client, ACTIVE_FOR, Tuple.of(tenant, customerId), DealRepository::toView);
    }

    /**
     * An order's lead-side record in one statement: remembers the order's channel and customer (lead conversion
     * attribution, lead_order_ref) and answers the customer's protected deal, if any ({@link #ACTIVE_FOR}). $4 null (an
     * order without a customer): no deal.
     */
    private static final String RECORD_ORDER_AND_ACTIVE_DEAL = """
            with ref as (insert into lead_order_ref (tenant_id, order_id, channel_id, customer_id) values ($1, $2, $3, $4)
                         on conflict do nothing)
            select %s from deal where tenant_id = $1 and customer_id = $4 and %s order by registered_at, id limit 1"""
            .formatted(COLUMNS, ACTIVE);

    public Uni<Optional<DealView>> recordOrderAndFindActive(SqlClient tx, String tenant, UUID orderId, UUID channelId, UUID customerId) {
        return db.one(tx, RECORD_ORDER_AND_ACTIVE_DEAL, Tuple.of(tenant, orderId, channelId, customerId), DealRepository::toView);
    }

    private static final String INSERT = """
            insert into deal (tenant_id, id, customer_id, original_customer_id, channel_id, status, expected_value,
            currency, close_date, skus, note, registered_at, protected_until, created_by, updated_at)
            values ($1, $2, $3, $3, $4, 'PENDING', $5, $6, $7, $8, $9, $10, $11, $12, $10)""";

    public Uni<Void> insert(SqlClient tx, String tenant, UUID id, UUID customerId, UUID channelId, RegisterDealRequest r, String currency,
                            Instant now, Instant protectedUntil, String actor) {
        String[] skus = r.skus() == null ? new String[0] : r.skus().stream().map(String::trim).distinct().toArray(String[]::new);
        return db.query(tx, INSERT,
                Tuple.from(new Object[]{tenant, id, customerId, channelId, r.expectedValue(), currency, r.closeDate(), skus, r.note(),
                        utc(now), utc(protectedUntil), actor})).replaceWithVoid();
    }

    public Uni<Optional<DealView>> find(SqlClient client, String tenant, UUID id, boolean forUpdate) {
        return db.one(client, forUpdate ? FIND_FOR_UPDATE : FIND,
                Tuple.of(tenant, id), DealRepository::toView);
    }

    public Uni<List<DealView>> list(String tenant, UUID partnerChannel, DealFilter f, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        StringBuilder sql = new StringBuilder(LIST);
        UUID channel = partnerChannel != null ? partnerChannel : f.channelId();
        if (partnerChannel != null && f.channelId() != null && !f.channelId().equals(partnerChannel)) {
            return Uni.createFrom().item(List.of());
        }
        if (channel != null) {
            args.add(channel);
            sql.append(" and channel_id = $").append(args.size());
        }
        if (f.customerId() != null) {
            args.add(f.customerId());
            sql.append(" and customer_id = $").append(args.size());
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        sql.append(") d");
        if (f.status() != null) {
            args.add(f.status().name());
            sql.append(" where d.status = $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by d.id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), DealRepository::toView);
    }

    private static final String DECIDE = """
            update deal set status = $3, decided_at = now(), decided_by = $4, decision_reason = $5, version = version + 1,
            updated_at = now() where tenant_id = $1 and id = $2""";

    public Uni<Void> decide(SqlClient tx, String tenant, UUID id, DealStatus to, String actor, String reason) {
        return db.query(tx, DECIDE, Tuple.of(tenant, id, to.name(), actor, reason)).replaceWithVoid();
    }

    private static final String REQUEST_EXTENSION = """
            update deal set extension_days = $3, extension_reason = $4, version = version + 1, updated_at = now()
            where tenant_id = $1 and id = $2""";

    public Uni<Void> requestExtension(SqlClient tx, String tenant, UUID id, int days, String reason) {
        return db.query(tx, REQUEST_EXTENSION, Tuple.of(tenant, id, days, reason)).replaceWithVoid();
    }

    private static final String EXTEND = """
            update deal set protected_until = protected_until + make_interval(days => $3), extension_days = null,
            extension_reason = null, version = version + 1, updated_at = now() where tenant_id = $1 and id = $2""";

    public Uni<Void> extend(SqlClient tx, String tenant, UUID id, int days) {
        return db.query(tx, EXTEND,
                Tuple.of(tenant, id, days)).replaceWithVoid();
    }

    private static final String CLEAR_EXTENSION = """
            update deal set extension_days = null, extension_reason = null, version = version + 1, updated_at = now()
            where tenant_id = $1 and id = $2""";

    public Uni<Void> clearExtension(SqlClient tx, String tenant, UUID id) {
        return db.query(tx, CLEAR_EXTENSION, Tuple.of(tenant, id)).replaceWithVoid();
    }

    private static final String EXPIRE_DUE = """
            update deal set status = 'EXPIRED', version = version + 1, updated_at = now()
            where status in ('PENDING', 'APPROVED') and protected_until <= $1 returning tenant_id, id, channel_id""";

    /** Marks every protection that ended at or before {@code now} EXPIRED (all tenants); returns tenant, id, channel. */
    public Uni<List<Object[]>> expireDue(Instant now) {
        return db.list(EXPIRE_DUE,
                Tuple.of(utc(now)), r -> new Object[]{r.getString("tenant_id"), r.getUUID("id"), r.getUUID("channel_id")});
    }

    private static final String INSERT_CONFLICT = """
            insert into deal_conflict (tenant_id, id, deal_id, order_id, order_channel_id, deal_channel_id, customer_id,
            order_total, currency) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing""";

    public Uni<Void> insertConflict(SqlClient tx, String tenant, UUID id, DealView deal, UUID orderId, UUID orderChannel, BigDecimal total,
                                    String currency) {
        return db.query(tx, INSERT_CONFLICT,
                Tuple.from(new Object[]{tenant, id, UUID.fromString(deal.id()), orderId, orderChannel, UUID.fromString(deal.channelId()),
                        UUID.fromString(deal.customerId()), total, currency})).replaceWithVoid();
    }

    public Uni<List<DealConflictView>> conflicts(String tenant, UUID channelId, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        StringBuilder sql = new StringBuilder(CONFLICTS);
        if (channelId != null) {
            args.add(channelId);
            sql.append(" and (order_channel_id = $2 or deal_channel_id = $2)");
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), r -> {
            String currency = r.getString("currency");
            return new DealConflictView(r.getUUID("id").toString(), r.getUUID("deal_id").toString(), r.getUUID("order_id").toString(),
                    r.getUUID("order_channel_id").toString(), r.getUUID("deal_channel_id").toString(), r.getUUID("customer_id").toString(),
                    currency == null ? r.getBigDecimal("order_total") : Money.round(r.getBigDecimal("order_total"), currency), currency,
                    instant(r, "occurred_at"));
        });
    }

    private static final String CONFLICT_COUNT = """
            select count(*) as n from deal_conflict where tenant_id = $1 and ($2::uuid is null or order_channel_id = $2)
            and occurred_at >= $3 and occurred_at < $4""";

    /** Conflicts in [from, to); {@code orderChannelId} null = every channel. */
    public Uni<Long> conflictCount(SqlClient client, String tenant, UUID orderChannelId, Instant from, Instant to) {
        return db.one(client, CONFLICT_COUNT,
                        Tuple.of(tenant, orderChannelId, utc(from), utc(to)), r -> r.getLong("n"))
                .map(o -> o.orElse(0L));
    }

    static DealView toView(Row r) {
        String currency = r.getString("currency");
        String[] skus = r.getArrayOfStrings("skus");
        Integer ext = r.getInteger("extension_days");
        return new DealView(r.getUUID("id").toString(), DealStatus.valueOf(r.getString("status")), r.getUUID("channel_id").toString(),
                r.getUUID("customer_id").toString(), Money.round(r.getBigDecimal("expected_value"), currency), currency,
                r.getLocalDate("close_date"), skus == null ? List.of() : List.of(skus), r.getString("note"), instant(r, "registered_at"),
                instant(r, "protected_until"), instant(r, "decided_at"), r.getString("decided_by"), r.getString("decision_reason"), ext,
                r.getString("extension_reason"), r.getInteger("version"), instant(r, "updated_at"));
    }

    /** Merge: every deal of the sources now belongs to the survivor. */
    private static final String FOLLOW_MERGE = """
            update deal set customer_id = $3, version = version + 1, updated_at = now()
             where tenant_id = $1 and customer_id = any($2)""";

    /** Unmerge: only the deals first recorded for the source ({@code original_customer_id}) go back to it. */
    private static final String FOLLOW_UNMERGE = """
            update deal set customer_id = $2, version = version + 1, updated_at = now()
             where tenant_id = $1 and customer_id = $3 and original_customer_id = $2""";

    public Uni<Void> followMerge(SqlClient tx, String tenant, List<UUID> sources, UUID survivor) {
        return db.query(tx, FOLLOW_MERGE, Tuple.of(tenant, sources.toArray(new UUID[0]), survivor)).replaceWithVoid();
    }

    public Uni<Void> followUnmerge(SqlClient tx, String tenant, UUID source, UUID survivor) {
        return db.query(tx, FOLLOW_UNMERGE, Tuple.of(tenant, source, survivor)).replaceWithVoid();
    }
}
