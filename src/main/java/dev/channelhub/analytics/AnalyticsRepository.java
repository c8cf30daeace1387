package dev.channelhub.analytics;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only SQL of the reports (plus the thresholds table). Set-based on purpose: one statement per report. A report
 * whose filters, grouping or rollup span vary is assembled from the named text-block fragments below (each filter a
 * fragment of its own, so every combination keeps the plan of a statement written for it: no {@code $n is null or}
 * that would cost the index).
 */
@ApplicationScoped
public class AnalyticsRepository {

    static final UUID ALL_CHANNELS = new UUID(0L, 0L);

    @Inject
    Db db;

    // ------------------------------------------------------------------ fragments shared by the sales and profitability reports

    /** The whole months of a rollup span ({@link #spanFilter}); %d, %d: the parameters of its first and end month. */
    private static final String SPAN_MONTHS = """
            and ((r.grain = 'M' and r.period >= $%d and r.period < $%d)
            """;

    /** Day rows added to or taken away from the span's months; %d, %d: the parameters of the range's first and end day. */
    private static final String SPAN_DAYS = """
            or (r.grain = 'D' and r.period >= $%d and r.period < $%d)
            """;

    private static final String SPAN_END = """
            )
            """;

    /** Day rows inside the span's months are the days taken away at its edges: they count negative. %d, %d as SPAN_MONTHS. */
    private static final String SPAN_SIGN = """
            \s* (case when r.grain = 'D' and r.period >= $%d and r.period < $%d then -1 else 1 end)""";

    /** One channel's rows (or, for the SKU rows of all channels, the ALL_CHANNELS rows); %d: the channel's parameter. */
    private static final String ROLLUP_CHANNEL = """
            and r.channel_id = $%d
            """;

    /** Keyset paging on (key, currency), the report's order; %1$d: the key's parameter, %2$d: the currency's. */
    private static final String AND_AFTER_KEY = """
            and (a.key collate "C" > $%1$d or (a.key = $%1$d and a.currency > $%2$d))
            """;

    /** As AND_AFTER_KEY, as the page's only condition. */
    private static final String WHERE_AFTER_KEY = """
            where (a.key collate "C" > $%1$d or (a.key = $%1$d and a.currency > $%2$d))
            """;

    /** The channel a rollup row belongs to, for grouping by its type or region (before the aggregate). */
    private static final String CHANNEL_OF_ROLLUP_ROW = """
            left join channel c on c.tenant_id = r.tenant_id and c.id = r.channel_id
            """;

    /** The channel a channel cost belongs to, for grouping by its type or region (before the aggregate). */
    private static final String CHANNEL_OF_COST_ROW = """
            left join channel c on c.tenant_id = cc.tenant_id and c.id = cc.channel_id
            """;

    /** The page's channel names, looked up after the page is cut. */
    private static final String CHANNEL_LABELS = """
            left join channel c on c.tenant_id = $1 and c.id = pg.key::uuid
            """;

    /** The page's product names, looked up after the page is cut. */
    private static final String PRODUCT_LABELS = """
            left join product p on p.tenant_id = $1 and p.sku = pg.key
            """;

    /**
     * A report dimension: the grouping key (over {@code r}, the rollup row, and {@code c}, its channel when
     * {@code preJoin} names it), the label of a page row ({@code pg.key}, or a name joined by {@code postJoin} after the
     * page is cut).
     */
    private record Dimension(String key, String label, String preJoin, String postJoin) {
    }

    private static final Dimension BY_CHANNEL = new Dimension("r.channel_id::text", "c.name", "", CHANNEL_LABELS);
    private static final Dimension BY_CHANNEL_TYPE = new Dimension("coalesce(c.type, '')", "pg.key", CHANNEL_OF_ROLLUP_ROW, "");
    private static final Dimension BY_REGION = new Dimension("coalesce(c.region, '')",
            "case when pg.key = '' then '(no region)' else pg.key end", CHANNEL_OF_ROLLUP_ROW, "");
    private static final Dimension BY_SKU = new Dimension("r.dim_key", "p.name", "", PRODUCT_LABELS);
    private static final Dimension BY_CATEGORY = new Dimension("r.dim_key", "case when pg.key = '' then '(no category)' else pg.key end",
            "", "");
    private static final Dimension BY_DAY = new Dimension("to_char(r.period, 'YYYY-MM-DD')", "pg.key", "", "");
    private static final Dimension BY_MONTH = new Dimension("to_char(r.period, 'YYYY-MM')", "pg.key", "", "");

    // ------------------------------------------------------------------ sales

    /**
     * The sales report: aggregate the rollup rows first, cut the page, and only then look up the page's labels. Rows
     * with no orders left (all cancelled) are skipped. %1$s the key, %2$s the sign factor of the span's taken-away days,
     * %3$s the join before the aggregate, %4$s the rollup condition, %5$s the keyset condition ({@code and ...} or empty),
     * %6$s the limit's parameter, %7$s the label, %8$s the join after the page.
     */
    private static final String SALES = """
            select pg.key, %7$s as label, pg.currency, pg.orders, pg.units, pg.revenue from (
              select a.* from (
                select %1$s as key, r.currency, sum(r.orders%2$s) as orders, sum(r.units%2$s) as units, sum(r.revenue%2$s) as revenue
                from sales_rollup r
                %3$s where %4$s group by 1, 2) a
              where (a.orders <> 0 or a.revenue <> 0) %5$s
              order by a.key collate "C", a.currency limit $%6$s) pg
            %8$s order by pg.key collate "C", pg.currency""";

    /** The sales rollup rows of a tenant and dimension ('S' SKU, 'C' category, 'T' totals); the filters follow. */
    private static final String SALES_ROWS = """
            r.tenant_id = $1 and r.dim = $2
            """;

    /**
     * The sales report from the rollups, months and days as {@link RollupSpan} picks them (day grouping reads day rows
     * only). Rows with no orders left (all cancelled) are skipped.
     */
    public Uni<List<Row>> sales(SqlClient client, String tenant, SalesGroupBy groupBy, UUID channelId, LocalDate from, LocalDate to,
                                String afterKey, String afterCurrency, int fetch) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        String dim = switch (groupBy) {
            case SKU -> "S";
            case CATEGORY -> "C";
            default -> "T";
        };
        args.add(dim);
        StringBuilder where = new StringBuilder(SALES_ROWS);
        if (channelId != null) {
            args.add(channelId);
            where.append(ROLLUP_CHANNEL.formatted(args.size()));
        } else if (groupBy == SalesGroupBy.SKU) {
            args.add(ALL_CHANNELS);
            where.append(ROLLUP_CHANNEL.formatted(args.size()));
        }
        // SKU rows of one channel exist per day only (see V7_3).
        boolean daysOnly = groupBy == SalesGroupBy.DAY || (groupBy == SalesGroupBy.SKU && channelId != null);
        RollupSpan span = RollupSpan.of(from, to, daysOnly);
        String sign = spanFilter(span, args, where);
        Dimension d = switch (groupBy) {
            case CHANNEL -> BY_CHANNEL;
            case CHANNEL_TYPE -> BY_CHANNEL_TYPE;
            case REGION -> BY_REGION;
            case SKU -> BY_SKU;
            case CATEGORY -> BY_CATEGORY;
            case DAY -> BY_DAY;
            default -> BY_MONTH;
        };
        String after = "";
        if (afterKey != null) {
            args.add(afterKey);
            args.add(afterCurrency);
            after = AND_AFTER_KEY.formatted(args.size() - 1, args.size());
        }
        args.add(fetch);
        String sql = SALES.formatted(d.key(), sign, d.preJoin(), where, after, args.size(), d.label(), d.postJoin());
        return db.list(client, sql, Tuple.from(args), r -> r);
    }

    // ------------------------------------------------------------------ profitability

    /**
     * Profitability: revenue and cost of goods from the rollups' total rows, channel costs of the inclusive dates, full
     * joined per key and currency; a key with neither (all cancelled) is skipped. %1$s the rollup key, %2$s the sign
     * factor, %3$s the join before the rollup aggregate, %4$s the rollup condition, %5$s the cost key, %6$s the join before
     * the cost aggregate, %7$s the cost condition, %8$s the keyset condition ({@code where ...} or empty), %9$s the
     * limit's parameter, %10$s the label, %11$s the join after the page.
     */
    private static final String PROFITABILITY = """
            select pg.key, %10$s as label, pg.currency, pg.revenue, pg.cost_of_goods, pg.channel_cost from (
              select a.* from (
                select coalesce(s.key, k.key) as key, coalesce(s.currency, k.currency) as currency,
                       coalesce(s.revenue, 0) as revenue, coalesce(s.cost, 0) as cost_of_goods, coalesce(k.amount, 0) as channel_cost
                from (select * from (
                        select %1$s as key, r.currency, sum(r.orders%2$s) as orders, sum(r.revenue%2$s) as revenue, sum(r.cost%2$s) as cost
                        from sales_rollup r
                        %3$s where %4$s group by 1, 2) s0
                      where s0.orders <> 0 or s0.revenue <> 0 or s0.cost <> 0) s
                full join (select %5$s as key, cc.currency, sum(cc.amount) as amount from channel_cost cc
                           %6$s where %7$s group by 1, 2) k on k.key = s.key and k.currency = s.currency) a
              %8$s
              order by a.key collate "C", a.currency limit $%9$s) pg
            %11$s order by pg.key collate "C", pg.currency""";

    /** The rollups' total rows of a tenant; the channel and span filters follow. */
    private static final String PROFITABILITY_ROWS = """
            r.tenant_id = $1 and r.dim = 'T'
            """;

    private static final String COST_ROWS = """
            cc.tenant_id = $1
            """;

    /** %d: the channel's parameter. */
    private static final String COST_CHANNEL = """
            and cc.channel_id = $%d
            """;

    /** Channel costs are dated: both ends of the period count (inclusive dates). %d, %d: first and last date. */
    private static final String COST_DATES = """
            and cc.cost_date >= $%d and cc.cost_date <= $%d
            """;

    /** A profitability dimension: the rollup key and the cost key, their joins before the aggregates, the label as {@link Dimension}. */
    private record ProfitDimension(String key, String costKey, String label, String preJoin, String costJoin, String postJoin) {
    }

    private static final ProfitDimension PROFIT_BY_CHANNEL = new ProfitDimension("r.channel_id::text", "cc.channel_id::text", "c.name",
            "", "", CHANNEL_LABELS);
    private static final ProfitDimension PROFIT_BY_CHANNEL_TYPE = new ProfitDimension("coalesce(c.type, '')", "coalesce(c.type, '')",
            "pg.key", CHANNEL_OF_ROLLUP_ROW, CHANNEL_OF_COST_ROW, "");
    private static final ProfitDimension PROFIT_BY_REGION = new ProfitDimension("coalesce(c.region, '')", "coalesce(c.region, '')",
            "case when pg.key = '' then '(no region)' else pg.key end", CHANNEL_OF_ROLLUP_ROW, CHANNEL_OF_COST_ROW, "");

    /**
     * The profitability report (docs/KPIS.md "Profitability"): revenue and cost of goods from the rollups' total rows
     * (months and days as {@link RollupSpan} picks them), channel costs of the inclusive dates, per key and currency; one
     * statement. {@code channelId} narrows it to one channel (the scorecard).
     */
    public Uni<List<Row>> profitability(SqlClient client, String tenant, ProfitabilityGroupBy groupBy, UUID channelId, LocalDate from,
                                        LocalDate to, String afterKey, String afterCurrency, int fetch) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder where = new StringBuilder(PROFITABILITY_ROWS);
        StringBuilder costWhere = new StringBuilder(COST_ROWS);
        if (channelId != null) {
            args.add(channelId);
            where.append(ROLLUP_CHANNEL.formatted(args.size()));
            costWhere.append(COST_CHANNEL.formatted(args.size()));
        }
        RollupSpan span = RollupSpan.of(from, to, false);
        String sign = spanFilter(span, args, where);
        args.add(from);
        args.add(to);
        costWhere.append(COST_DATES.formatted(args.size() - 1, args.size()));
        ProfitDimension d = switch (groupBy) {
            case CHANNEL -> PROFIT_BY_CHANNEL;
            case CHANNEL_TYPE -> PROFIT_BY_CHANNEL_TYPE;
            default -> PROFIT_BY_REGION;
        };
        String after = "";
        if (afterKey != null) {
            args.add(afterKey);
            args.add(afterCurrency);
            after = WHERE_AFTER_KEY.formatted(args.size() - 1, args.size());
        }
        args.add(fetch);
        String sql = PROFITABILITY.formatted(d.key(), sign, d.preJoin(), where, d.costKey(), d.costJoin(), costWhere, after, args.size(),
                d.label(), d.postJoin());
        return db.list(client, sql, Tuple.from(args), r -> r);
    }

    // ------------------------------------------------------------------ scorecard

    /**
     * Order, payment, cycle and NPS figures of one channel for [$3, $4) in its currency $5. Revenue is net of refunds: a
     * refund counts in the period it happened in (docs/KPIS.md). After-sales (docs/KPIS.md): units shipped and units
     * received back in the period, cases resolved in it.
     */
    private static final String SCORECARD_FIGURES = """
            with o as (select id, customer_id, status, total, paid, credited, created_at from sales_order
                       where tenant_id = $1 and channel_id = $2 and created_at >= $3 and created_at < $4 and status <> 'CANCELLED'
                         and currency = $5),
                 c as (select customer_id, count(*) as n from o where customer_id is not null group by customer_id),
                 d as (select extract(epoch from (e.delivered_at - o.created_at)) / 3600.0 as hours from o
                       join lateral (select max(ev.occurred_at) as delivered_at from order_event ev
                                     where ev.tenant_id = $1 and ev.order_id = o.id and ev.type = 'DELIVERED') e on e.delivered_at is not null
                       where o.status in ('DELIVERED', 'COMPLETED')),
                 n as (select count(*) as responses, count(*) filter (where score >= 9) as promoters,
                              count(*) filter (where score <= 6) as detractors from nps_response
                       where tenant_id = $1 and channel_id = $2 and created_at >= $3 and created_at < $4)
            select (select count(*) from o) as orders,
                   (select coalesce(sum(l.line_total), 0) from order_line l join o on l.order_id = o.id where l.tenant_id = $1)
                   - (select coalesce(sum(rf.amount), 0) from order_refund rf where rf.tenant_id = $1 and rf.channel_id = $2
                      and rf.occurred_at >= $3 and rf.occurred_at < $4 and rf.currency = $5) as revenue,
                   (select coalesce(sum(total), 0) from o) as invoiced, (select coalesce(sum(paid), 0) from o) as paid,
                   (select count(*) from c) as customers, (select count(*) from c where n >= 2) as repeat_customers,
                   (select count(*) from d) as delivered, (select avg(hours) from d) as avg_hours,
                   (select percentile_cont(0.9) within group (order by hours) from d) as p90_hours,
                   n.responses, n.promoters, n.detractors,
                   (select coalesce(sum(credited), 0) from o) as credited,
                   (select coalesce(sum(sl.quantity), 0) from order_shipment s join order_shipment_line sl on sl.tenant_id = s.tenant_id
                      and sl.shipment_id = s.id join sales_order so on so.tenant_id = s.tenant_id and so.id = s.order_id
                    where s.tenant_id = $1 and so.channel_id = $2 and s.shipped_at >= $3 and s.shipped_at < $4) as shipped_units,
                   (select coalesce(sum(rl.received_quantity), 0) from return_order r join return_line rl on rl.tenant_id = r.tenant_id
                      and rl.return_id = r.id where r.tenant_id = $1 and r.channel_id = $2 and r.status in ('RECEIVED', 'REFUNDED')
                      and exists (select 1 from return_event e where e.tenant_id = r.tenant_id and e.return_id = r.id and e.type = 'RECEIVED'
                                  and e.occurred_at >= $3 and e.occurred_at < $4)) as returned_units,
                   (select count(*) from service_case sc where sc.tenant_id = $1 and sc.assigned_channel_id = $2
                      and sc.resolved_at >= $3 and sc.resolved_at < $4) as cases_resolved,
                   (select count(*) from service_case sc where sc.tenant_id = $1 and sc.assigned_channel_id = $2
                      and sc.resolved_at >= $3 and sc.resolved_at < $4 and sc.resolved_at <= sc.due_at) as cases_on_time,
                   (select avg(sc.satisfaction_score) from service_case sc where sc.tenant_id = $1 and sc.assigned_channel_id = $2
                      and sc.satisfaction_at >= $3 and sc.satisfaction_at < $4) as csat
            from n""";

    /** Order, payment, cycle and NPS figures of one channel for [start, end), in the channel's currency; one statement. */
    public Uni<Row> scorecardFigures(SqlClient client, String tenant, UUID channelId, String currency, Instant start, Instant end) {
        return db.one(client, SCORECARD_FIGURES, Tuple.of(tenant, channelId, utc(start), utc(end), currency), r -> r)
                .map(Optional::orElseThrow);
    }

    // ------------------------------------------------------------------ inventory reports

    /**
     * Per (location, SKU): on hand just before [$2, $3) and at its end (the last ledger row before each), units shipped in
     * it, with the product's floor price and name. %1$s the filters ({@code and ...}, each a fragment below), %2$s the
     * limit's parameter.
     */
    private static final String TURNOVER = """
            select loc.code as location_code, s.sku, p.name, p.floor_price, p.currency,
                   coalesce((select g.on_hand_after from stock_ledger g where g.tenant_id = $1 and g.location_id = s.location_id
                               and g.sku = s.sku and g.occurred_at < $2 order by g.seq desc limit 1), 0) as opening,
                   coalesce((select g.on_hand_after from stock_ledger g where g.tenant_id = $1 and g.location_id = s.location_id
                               and g.sku = s.sku and g.occurred_at < $3 order by g.seq desc limit 1), 0) as closing,
                   coalesce((select -sum(g.on_hand_delta) from stock_ledger g where g.tenant_id = $1 and g.location_id = s.location_id
                               and g.sku = s.sku and g.kind = 'SHIP' and g.occurred_at >= $2 and g.occurred_at < $3), 0) as shipped
            from stock_level s join stock_location loc on loc.tenant_id = s.tenant_id and loc.id = s.location_id
            left join product p on p.tenant_id = s.tenant_id and p.sku = s.sku
            where s.tenant_id = $1
            %1$s order by loc.code collate "C", s.sku collate "C" limit $%2$s""";

    /** %d: the location code's parameter. */
    private static final String TURNOVER_LOCATION = """
            and loc.code = $%d
            """;

    /** %d: the SKU's parameter. */
    private static final String TURNOVER_SKU = """
            and s.sku = $%d
            """;

    /** Keyset paging on (location code, SKU); %1$d: the location's parameter, %2$d: the SKU's. */
    private static final String TURNOVER_AFTER = """
            and (loc.code collate "C" > $%1$d or (loc.code = $%1$d and s.sku collate "C" > $%2$d))
            """;

    /**
     * Per (location, SKU): on hand just before the period and at its end (last ledger row), units shipped in it,
     * with the product's floor price and name.
     */
    public Uni<List<Row>> turnover(SqlClient client, String tenant, Instant start, Instant end, String locationCode, String sku,
                                   String afterLocation, String afterSku, int fetch) {
        List<Object> args = new ArrayList<>(List.of(tenant, utc(start), utc(end)));
        StringBuilder filters = new StringBuilder();
        if (locationCode != null) {
            args.add(locationCode);
            filters.append(TURNOVER_LOCATION.formatted(args.size()));
        }
        if (sku != null) {
            args.add(sku);
            filters.append(TURNOVER_SKU.formatted(args.size()));
        }
        if (afterLocation != null) {
            args.add(afterLocation);
            args.add(afterSku);
            filters.append(TURNOVER_AFTER.formatted(args.size() - 1, args.size()));
        }
        args.add(fetch);
        return db.list(client, TURNOVER.formatted(filters, args.size()), Tuple.from(args), r -> r);
    }

    /**
     * SKUs with a threshold whose available stock over all locations (on hand minus reserved) is below it. %1$s the
     * keyset condition (LOW_STOCK_AFTER or empty), %2$s the limit's parameter.
     */
    private static final String LOW_STOCK = """
            select t.sku, p.name, t.threshold, coalesce(s.on_hand, 0) as on_hand,
                   coalesce(s.reserved, 0) as reserved, coalesce(s.on_hand - s.reserved, 0) as available
            from stock_threshold t
            left join lateral (select sum(l.on_hand)::bigint as on_hand, sum(l.reserved)::bigint as reserved from stock_level l
                               where l.tenant_id = t.tenant_id and l.sku = t.sku) s on true
            left join product p on p.tenant_id = t.tenant_id and p.sku = t.sku
            where t.tenant_id = $1 and coalesce(s.on_hand - s.reserved, 0) < t.threshold
            %1$s order by t.sku collate "C" limit $%2$s""";

    /** %d: the last SKU of the previous page. */
    private static final String LOW_STOCK_AFTER = """
            and t.sku collate "C" > $%d
            """;

    private static final String THRESHOLD = """
            select sku, threshold, version, updated_at from stock_threshold where tenant_id = $1 and sku = $2""";

    /** SKUs with a threshold whose available stock over all locations is below it. */
    public Uni<List<Row>> lowStock(SqlClient client, String tenant, String afterSku, int fetch) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        String after = "";
        if (afterSku != null) {
            args.add(afterSku);
            after = LOW_STOCK_AFTER.formatted(args.size());
        }
        args.add(fetch);
        return db.list(client, LOW_STOCK.formatted(after, args.size()), Tuple.from(args), r -> r);
    }

    public Uni<Optional<Row>> threshold(SqlClient client, String tenant, String sku) {
        return db.one(client, THRESHOLD, Tuple.of(tenant, sku), r -> r);
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------ rollups kept current by orders and stock changes

    /** A SKU whose available total (all locations) just went from at or above its threshold to below it. */
    public record LowStock(String sku, UUID productId, long available, long threshold) {
    }

    /** Takes a refund off the rollups in the refund's period: revenue net of refunds (docs/KPIS.md). */
    private static final String APPLY_REFUND = """
            select analytics_apply_refund($1, $2, $3)""";

    /** The crossing rule is the database's stock_low_crossing (V8_1), shared with analytics_apply_order for orders. */
    private static final String LOW_STOCK_CROSSING = """
            select product_id, available, threshold from stock_low_crossing($1, $2, $3)""";

    /** Takes a refund off the rollups in the refund's period (analytics_apply_refund, V12_1). */
    public Uni<Void> applyRefund(SqlClient tx, String tenant, UUID refundId, String zone) {
        return db.query(tx, APPLY_REFUND, Tuple.of(tenant, refundId, zone)).replaceWithVoid();
    }

    public Uni<Optional<LowStock>> lowStockCrossing(SqlClient tx, String tenant, String sku, long decrease) {
        return db.one(tx, LOW_STOCK_CROSSING, Tuple.of(tenant, sku, decrease),
                r -> new LowStock(sku, r.getUUID("product_id"), r.getLong("available"), r.getLong("threshold")));
    }

    /**
     * Appends to {@code where} the rollup rows that make up {@code span} (whole months, plus day rows added or taken
     * away at its edges), binding their dates in {@code args}; answers the factor, empty or a {@code case}, that turns
     * the taken-away day rows negative.
     */
    private static String spanFilter(RollupSpan span, List<Object> args, StringBuilder where) {
        args.add(span.monthsFrom());
        int pMf = args.size();
        args.add(span.monthsTo());
        int pMl = args.size();
        where.append(SPAN_MONTHS.formatted(pMf, pMl));
        List<LocalDate[]> days = new ArrayList<>(span.addedDays());
        days.addAll(span.subtractedDays());
        for (LocalDate[] range : days) {
            args.add(range[0]);
            args.add(range[1]);
            where.append(SPAN_DAYS.formatted(args.size() - 1, args.size()));
        }
        where.append(SPAN_END);
        return span.subtractedDays().isEmpty() ? "" : SPAN_SIGN.formatted(pMf, pMl);
    }

}
