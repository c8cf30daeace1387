package dev.channelhub.rebate;

import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rebate programmes are entities (written in the service's session transaction); their reads, the eligible-revenue
 * computation, the settlement, the ledger and the balance are SQL on the pool: set-based statements over every channel
 * in scope, and conditional updates of the balance.
 */
@ApplicationScoped
public class RebateRepository implements PanacheRepositoryBase<RebateProgramEntity, TenantKey> {

    private static final String PROGRAM_COLUMNS = """
            id, code, name, scope_channel_ids, scope_group_ids, scope_channel_types, skus, categories, valid_from, valid_to,
            period, tiers::text as tiers, created_at, version + 1 as version""";

    private static final String GET_PROGRAM = """
            select %s
            from rebate_program where tenant_id = $1 and id = $2""".formatted(PROGRAM_COLUMNS);

    private static final String LIST_PROGRAMS = """
            select %s
            from rebate_program where tenant_id = $1 and ($2::uuid is null or id > $2) order by id limit $3""".formatted(PROGRAM_COLUMNS);

    /** Programmes valid on a day: what a partner's overview previews. */
    private static final String PROGRAMS_VALID_ON = """
            select %s
            from rebate_program where tenant_id = $1 and valid_from <= $2 and valid_to >= $2 order by id""".formatted(PROGRAM_COLUMNS);

    /**
     * The contract's eligible revenue, tier and rebate of every channel in scope, one row per channel.
     * $2..$4 scope (empty array / null = not set), $5 $6 eligibility (both empty = every SKU), [$7, $8) the window (the
     * period within the programme's validity), $9 $10 the tiers, $11 $12 currency scales, $13 $14 programme and period
     * (a negative eligible revenue is clawed back at the percent of the channel's latest earlier settlement).
     * A payment is spread over all its order's lines in proportion to their totals, each share rounded half-up to the
     * currency, the remainder on the last line; a refund's paid-back part is spread over its lines the same way.
     */
    private static final String ROWS = """
            ch as (
                select c.id, c.currency, coalesce(cs.scale, 2) as scale
                from channel c left join unnest($11::text[], $12::int[]) as cs(currency, scale) on cs.currency = c.currency
                where c.tenant_id = $1
                  and (cardinality($2::uuid[]) = 0 or c.id = any($2::uuid[]))
                  and ($3::uuid[] is null or c.id = any($3::uuid[]))
                  and (cardinality($4::text[]) = 0 or c.type = any($4::text[]))),
            pay_lines as (
                select ch.id as channel_id, p.id as payment_id, p.amount, ol.sku,
                       coalesce(round(p.amount * ol.line_total / nullif(sum(ol.line_total) over (partition by p.id), 0), ch.scale), 0) as share,
                       row_number() over (partition by p.id order by ol.line_no desc) as from_last
                from ch
                join sales_order o on o.tenant_id = $1 and o.channel_id = ch.id and o.currency = ch.currency
                join order_payment p on p.tenant_id = $1 and p.order_id = o.id and p.received_at >= $7 and p.received_at < $8
                join order_line ol on ol.tenant_id = $1 and ol.order_id = o.id),
            ref_lines as (
                select ch.id as channel_id, r.id as refund_id, r.refunded as amount, rl.sku,
                       coalesce(round(r.refunded * rl.amount / nullif(sum(rl.amount) over (partition by r.id), 0), ch.scale), 0) as share,
                       row_number() over (partition by r.id order by rl.sku desc) as from_last
                from ch
                join order_refund r on r.tenant_id = $1 and r.channel_id = ch.id and r.currency = ch.currency
                     and r.refunded > 0 and r.occurred_at >= $7 and r.occurred_at < $8
                join order_refund_line rl on rl.tenant_id = $1 and rl.refund_id = r.id),
            moves as (
                select channel_id, sku,
                       case when from_last = 1 then amount - (sum(share) over (partition by payment_id) - share) else share end as amount
                from pay_lines
                union all
                select channel_id, sku,
                       -(case when from_last = 1 then amount - (sum(share) over (partition by refund_id) - share) else share end)
                from ref_lines),
            eligible as (
                select m.channel_id, sum(m.amount) as revenue
                from moves m left join product pr on pr.tenant_id = $1 and pr.sku = m.sku
                where (cardinality($5::text[]) = 0 and cardinality($6::text[]) = 0)
                   or m.sku = any($5::text[]) or pr.category = any($6::text[])
                group by m.channel_id),
            tiers as (select * from unnest($9::text[]::numeric[], $10::text[]::numeric[]) as t(min_revenue, percent)),
            figures as (
                select ch.id as channel_id, ch.currency, ch.scale, coalesce(e.revenue, 0) as eligible, t.min_revenue as tier,
                       coalesce(t.percent, case when e.revenue < 0 then earlier.percent end, 0) as percent
                from ch left join eligible e on e.channel_id = ch.id
                left join lateral (select min_revenue, percent from tiers where min_revenue <= coalesce(e.revenue, 0)
                                   order by min_revenue desc limit 1) t on true
                left join lateral (select l.percent from rebate_ledger l
                                   where l.tenant_id = $1 and l.program_id = $13 and l.channel_id = ch.id
                                     and l.kind = 'SETTLEMENT' and l.period < $14 and l.percent > 0
                                   order by l.period desc limit 1) earlier on true),
            result as (
                select channel_id, currency, eligible, tier, percent, round(eligible * percent / 100, scale) as rebate
                from figures)""";

    private static final String PREVIEW = """
            with %s
            select channel_id, currency, eligible, tier, percent, rebate from result order by channel_id""".formatted(ROWS);

    /** Claims the programme's period: the primary key makes a second (or concurrent) settlement fail here. */
    private static final String CLAIM_SETTLEMENT = """
            insert into rebate_settlement (tenant_id, program_id, period, period_start, channels, total, settled_by, settled_at)
            values ($1, $2, $3, $4, 0, 0, $5, $6)""";

    /** One ledger row per channel in scope and the balances moved by them, in one statement. */
    private static final String SETTLE = """
            with %s
            ,
            led as (
                insert into rebate_ledger (tenant_id, id, channel_id, kind, currency, amount, program_id, period, period_start,
                                           eligible_revenue, tier_min, percent, created_by, created_at)
                select $1, time_ordered_id($17), channel_id, 'SETTLEMENT', currency, rebate, $13, $14, $15, eligible, tier,
                       percent, $16, $17
                from result
                returning channel_id, currency, amount, eligible_revenue, tier_min, percent),
            bal as (
                insert into rebate_balance as b (tenant_id, channel_id, currency, balance, updated_at)
                select $1, channel_id, currency, amount, $17 from led
                on conflict (tenant_id, channel_id) do update set balance = b.balance + excluded.balance, updated_at = excluded.updated_at)
            select channel_id, currency, eligible_revenue as eligible, tier_min as tier, percent, amount as rebate
            from led order by channel_id""".formatted(ROWS);

    private static final String FINISH_SETTLEMENT = """
            update rebate_settlement set channels = $4, total = $5
            where tenant_id = $1 and program_id = $2 and period = $3""";

    private static final String SETTLED_AT = """
            select settled_at from rebate_settlement where tenant_id = $1 and program_id = $2 and period = $3""";

    private static final String BALANCE = """
            select currency, balance from rebate_balance where tenant_id = $1 and channel_id = $2""";

    private static final String LEDGER = """
            select id, channel_id, kind, currency, amount, program_id, period, eligible_revenue, tier_min, percent, order_id,
                   payment_id, created_at
            from rebate_ledger where tenant_id = $1 and channel_id = $2 and ($3::uuid is null or id > $3) order by id limit $4""";

    /** The no-overdraw rule: the balance moves only when it covers the amount (one conditional statement). */
    private static final String DRAW = """
            update rebate_balance set balance = balance - $4, updated_at = $5
            where tenant_id = $1 and channel_id = $2 and currency = $3 and balance >= $4
            returning balance""";

    private static final String DRAW_LEDGER = """
            insert into rebate_ledger (tenant_id, id, channel_id, kind, currency, amount, order_id, payment_id, created_by, created_at)
            values ($1, $2, $3, 'DRAW', $4, $5, $6, $7, $8, $9)""";

    /** What a channel accrued from settlements of periods starting within [from, to]. */
    private static final String ACCRUED = """
            select coalesce(sum(amount), 0) as accrued from rebate_ledger
            where tenant_id = $1 and channel_id = $2 and kind = 'SETTLEMENT' and period_start >= $3 and period_start <= $4""";

    @Inject
    Db db;

    /** The inputs of {@link #ROWS}. */
    public record Computation(String tenant, UUID[] scopeChannelIds, UUID[] groupMemberIds, String[] channelTypes, String[] skus,
                              String[] categories, Instant from, Instant to, String[] tierMins, String[] tierPercents,
                              String[] currencies, Integer[] scales, UUID programId, String period, LocalDate periodStart) {

        Tuple tuple() {
            return Tuple.from(new Object[]{tenant, scopeChannelIds, groupMemberIds, channelTypes, skus, categories, from.atOffset(java.time.ZoneOffset.UTC),
                    to.atOffset(java.time.ZoneOffset.UTC), tierMins, tierPercents, currencies, scales, programId, period});
        }

        Tuple settleTuple(String actor, Instant at) {
            return tuple().addValue(periodStart).addValue(actor).addValue(at.atOffset(java.time.ZoneOffset.UTC));
        }
    }

    public Uni<Optional<Row>> program(SqlClient client, String tenant, UUID id) {
        return db.one(client, GET_PROGRAM, Tuple.of(tenant, id), r -> r);
    }

    public Uni<List<Row>> programs(String tenant, UUID after, int limit) {
        return db.list(LIST_PROGRAMS, Tuple.of(tenant, after, limit), r -> r);
    }

    public Uni<List<Row>> programsValidOn(String tenant, LocalDate day) {
        return db.list(PROGRAMS_VALID_ON, Tuple.of(tenant, day), r -> r);
    }

    public Uni<List<RebatePreviewRow>> preview(SqlClient client, Computation c) {
        return db.list(client, PREVIEW, c.tuple(), RebateRepository::row);
    }

    public Uni<Void> claimSettlement(SqlClient tx, Computation c, String actor, Instant at) {
        return db.query(tx, CLAIM_SETTLEMENT, Tuple.from(new Object[]{c.tenant(), c.programId(), c.period(), c.periodStart(), actor,
                at.atOffset(java.time.ZoneOffset.UTC)})).replaceWithVoid();
    }

    public Uni<List<RebatePreviewRow>> settle(SqlClient tx, Computation c, String actor, Instant at) {
        return db.list(tx, SETTLE, c.settleTuple(actor, at), RebateRepository::row);
    }

    public Uni<Void> finishSettlement(SqlClient tx, String tenant, UUID programId, String period, int channels, BigDecimal total) {
        return db.query(tx, FINISH_SETTLEMENT, Tuple.of(tenant, programId, period, channels, total)).replaceWithVoid();
    }

    public Uni<Optional<Instant>> settledAt(SqlClient client, String tenant, UUID programId, String period) {
        return db.one(client, SETTLED_AT, Tuple.of(tenant, programId, period), r -> r.getOffsetDateTime("settled_at").toInstant());
    }

    public Uni<Optional<Row>> balance(SqlClient client, String tenant, UUID channelId) {
        return db.one(client, BALANCE, Tuple.of(tenant, channelId), r -> r);
    }

    public Uni<List<RebateLedgerEntryView>> ledger(SqlClient client, String tenant, UUID channelId, UUID after, int limit) {
        return db.list(client, LEDGER, Tuple.of(tenant, channelId, after, limit), RebateRepository::entry);
    }

    /** The balance after the draw, or empty when it does not cover {@code amount}. */
    public Uni<Optional<BigDecimal>> draw(SqlClient tx, String tenant, UUID channelId, String currency, BigDecimal amount, Instant at) {
        return db.one(tx, DRAW, Tuple.of(tenant, channelId, currency, amount, at.atOffset(java.time.ZoneOffset.UTC)),
                r -> r.getBigDecimal("balance"));
    }

    public Uni<Void> drawLedger(SqlClient tx, String tenant, UUID id, UUID channelId, String currency, BigDecimal amount, UUID orderId,
                                UUID paymentId, String actor, Instant at) {
        return db.query(tx, DRAW_LEDGER, Tuple.from(new Object[]{tenant, id, channelId, currency, amount, orderId, paymentId, actor,
                at.atOffset(java.time.ZoneOffset.UTC)})).replaceWithVoid();
    }

    public Uni<BigDecimal> accrued(SqlClient client, String tenant, UUID channelId, LocalDate from, LocalDate to) {
        return db.one(client, ACCRUED, Tuple.of(tenant, channelId, from, to), r -> r.getBigDecimal("accrued"))
                .map(o -> o.orElse(BigDecimal.ZERO));
    }

    /** Amounts leave at the currency's scale (the columns are numeric(19,4)); percents as stored. */
    private static RebatePreviewRow row(Row r) {
        String cur = r.getString("currency");
        return new RebatePreviewRow(r.getUUID("channel_id").toString(), cur, Money.round(r.getBigDecimal("eligible"), cur),
                Money.round(r.getBigDecimal("tier"), cur), r.getBigDecimal("percent"), Money.round(r.getBigDecimal("rebate"), cur));
    }

    private static RebateLedgerEntryView entry(Row r) {
        String cur = r.getString("currency");
        return new RebateLedgerEntryView(r.getUUID("id").toString(), r.getUUID("channel_id").toString(),
                RebateLedgerKind.valueOf(r.getString("kind")), cur, Money.round(r.getBigDecimal("amount"), cur),
                str(r.getUUID("program_id")), r.getString("period"), Money.round(r.getBigDecimal("eligible_revenue"), cur),
                Money.round(r.getBigDecimal("tier_min"), cur),
                r.getBigDecimal("percent"), str(r.getUUID("order_id")), str(r.getUUID("payment_id")),
                r.getOffsetDateTime("created_at").toInstant());
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
