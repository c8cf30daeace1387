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

/** Read-only SQL of the reports (plus the thresholds table). Set-based on purpose: one statement per report. */
@ApplicationScoped
public class AnalyticsRepository {

    static final UUID ALL_CHANNELS = new UUID(0L, 0L);

    @Inject
    Db db;

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
        StringBuilder where = new StringBuilder("r.tenant_id = $1 and r.dim = $2");
        if (channelId != null) {
            args.add(channelId);
            where.append(" and r.channel_id = $").append(args.size());
        } else if (groupBy == SalesGroupBy.SKU) {
            args.add(ALL_CHANNELS);
            where.append(" and r.channel_id = $").append(args.size());
        }
        // SKU rows of one channel exist per day only (see V7_3).
        boolean daysOnly = groupBy == SalesGroupBy.DAY || (groupBy == SalesGroupBy.SKU && channelId != null);
        RollupSpan span = RollupSpan.of(from, to, daysOnly);
        String sign = spanFilter(span, args, where);
        // Aggregate the rollup rows first, cut the page, and only then look up the page's labels.
        String key;
        String label = "pg.key";
        String preJoin = "";
        String postJoin = "";
        switch (groupBy) {
            case CHANNEL -> {
                key = "r.channel_id::text";
                label = "c.name";
                postJoin = " left join channel c on c.tenant_id = $1 and c.id = pg.key::uuid";
            }
            case CHANNEL_TYPE -> {
                key = "coalesce(c.type, '')";
                preJoin = " left join channel c on c.tenant_id = r.tenant_id and c.id = r.channel_id";
            }
            case REGION -> {
                key = "coalesce(c.region, '')";
                label = "case when pg.key = '' then '(no region)' else pg.key end";
                preJoin = " left join channel c on c.tenant_id = r.tenant_id and c.id = r.channel_id";
            }
            case SKU -> {
                key = "r.dim_key";
                label = "p.name";
                postJoin = " left join product p on p.tenant_id = $1 and p.sku = pg.key";
            }
            case CATEGORY -> {
                key = "r.dim_key";
                label = "case when pg.key = '' then '(no category)' else pg.key end";
            }
            case DAY -> key = "to_char(r.period, 'YYYY-MM-DD')";
            default -> key = "to_char(r.period, 'YYYY-MM')";
        }
        StringBuilder page = new StringBuilder("select a.* from (select ").append(key)
                .append(" as key, r.currency, sum(r.orders").append(sign).append(") as orders, sum(r.units").append(sign).append(") as units, sum(r.revenue")
                .append(sign).append(") as revenue from sales_rollup r")
                .append(preJoin).append(" where ").append(where).append(" group by 1, 2) a where (a.orders <> 0 or a.revenue <> 0)");
        if (afterKey != null) {
            args.add(afterKey);
            int pk = args.size();
            args.add(afterCurrency);
            page.append(" and (a.key collate \"C\" > $").append(pk).append(" or (a.key = $").append(pk).append(" and a.currency > $")
                    .append(args.size()).append("))");
        }
        args.add(fetch);
        page.append(" order by a.key collate \"C\", a.currency limit $").append(args.size());
        String sql = "select pg.key, " + label + " as label, pg.currency, pg.orders, pg.units, pg.revenue from (" + page + ") pg"
                + postJoin + " order by pg.key collate \"C\", pg.currency";
        return db.list(client, sql, Tuple.from(args), r -> r);
    }

    /**
     * The profitability report (docs/KPIS.md "Profitability"): revenue and cost of goods from the rollups' total rows
     * (months and days as {@link RollupSpan} picks them), channel costs of the inclusive dates, per key and currency; one
     * statement. {@code channelId} narrows it to one channel (the scorecard).
     */
    public Uni<List<Row>> profitability(SqlClient client, String tenant, ProfitabilityGroupBy groupBy, UUID channelId, LocalDate from,
                                        LocalDate to, String afterKey, String afterCurrency, int fetch) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder where = new StringBuilder("r.tenant_id = $1 and r.dim = 'T'");
        StringBuilder costWhere = new StringBuilder("cc.tenant_id = $1");
        if (channelId != null) {
            args.add(channelId);
            where.append(" and r.channel_id = $").append(args.size());
            costWhere.append(" and cc.channel_id = $").append(args.size());
        }
        RollupSpan span = RollupSpan.of(from, to, false);
        String sign = spanFilter(span, args, where);
        args.add(from);
        costWhere.append(" and cc.cost_date >= $").append(args.size());
        args.add(to);
        costWhere.append(" and cc.cost_date <= $").append(args.size());
        String key;
        String costKey;
        String label = "pg.key";
        String postJoin = "";
        switch (groupBy) {
            case CHANNEL -> {
                key = "r.channel_id::text";
                costKey = "cc.channel_id::text";
                label = "c.name";
                postJoin = " left join channel c on c.tenant_id = $1 and c.id = pg.key::uuid";
            }
            case CHANNEL_TYPE -> {
                key = "coalesce(c.type, '')";
                costKey = key;
            }
            default -> {
                key = "coalesce(c.region, '')";
                costKey = key;
                label = "case when pg.key = '' then '(no region)' else pg.key end";
            }
        }
        String channelJoin = groupBy == ProfitabilityGroupBy.CHANNEL ? "" : " left join channel c on c.tenant_id = r.tenant_id and c.id = r.channel_id";
        String costJoin = groupBy == ProfitabilityGroupBy.CHANNEL ? "" : " left join channel c on c.tenant_id = cc.tenant_id and c.id = cc.channel_id";
        StringBuilder page = new StringBuilder("select coalesce(s.key, k.key) as key, coalesce(s.currency, k.currency) as currency,")
                .append(" coalesce(s.revenue, 0) as revenue, coalesce(s.cost, 0) as cost_of_goods, coalesce(k.amount, 0) as channel_cost")
                .append(" from (select * from (select ").append(key).append(" as key, r.currency, sum(r.orders").append(sign)
                .append(") as orders, sum(r.revenue").append(sign).append(") as revenue, sum(r.cost").append(sign)
                .append(") as cost from sales_rollup r").append(channelJoin).append(" where ").append(where)
                .append(" group by 1, 2) s0 where s0.orders <> 0 or s0.revenue <> 0 or s0.cost <> 0) s")
                .append(" full join (select ").append(costKey).append(" as key, cc.currency, sum(cc.amount) as amount from channel_cost cc")
                .append(costJoin).append(" where ").append(costWhere).append(" group by 1, 2) k on k.key = s.key and k.currency = s.currency");
        StringBuilder outer = new StringBuilder("select a.* from (").append(page).append(") a");
        if (afterKey != null) {
            args.add(afterKey);
            int pk = args.size();
            args.add(afterCurrency);
            outer.append(" where (a.key collate \"C\" > $").append(pk).append(" or (a.key = $").append(pk).append(" and a.currency > $")
                    .append(args.size()).append("))");
        }
        args.add(fetch);
        outer.append(" order by a.key collate \"C\", a.currency limit $").append(args.size());
        String sql = "select pg.key, " + label + " as label, pg.currency, pg.revenue, pg.cost_of_goods, pg.channel_cost from (" + outer
                + ") pg" + postJoin + " order by pg.key collate \"C\", pg.currency";
        return db.list(client, sql, Tuple.from(args), r -> r);
    }

    /** Order, payment, cycle and NPS figures of one channel for [start, end), in the channel's currency; one statement. */
    public Uni<Row> scorecardFigures(SqlClient client, String tenant, UUID channelId, String currency, Instant start, Instant end) {
        String sql = "with o as (select id, customer_id, status, total, paid, credited, created_at from sales_order"
                + " where tenant_id = $1 and channel_id = $2 and created_at >= $3 and created_at < $4 and status <> 'CANCELLED' and currency = $5),"
                + " c as (select customer_id, count(*) as n from o where customer_id is not null group by customer_id),"
                + " d as (select extract(epoch from (e.delivered_at - o.created_at)) / 3600.0 as hours from o"
                + "   join lateral (select max(ev.occurred_at) as delivered_at from order_event ev"
                + "     where ev.tenant_id = $1 and ev.order_id = o.id and ev.type = 'DELIVERED') e on e.delivered_at is not null"
                + "   where o.status in ('DELIVERED', 'COMPLETED')),"
                + " n as (select count(*) as responses, count(*) filter (where score >= 9) as promoters,"
                + "   count(*) filter (where score <= 6) as detractors from nps_response"
                + "   where tenant_id = $1 and channel_id = $2 and created_at >= $3 and created_at < $4)"
                + " select (select count(*) from o) as orders,"
                + " (select coalesce(sum(l.line_total), 0) from order_line l join o on l.order_id = o.id where l.tenant_id = $1)"
                // Revenue net of refunds: a refund counts in the period it happened in (docs/KPIS.md).
                + " - (select coalesce(sum(rf.amount), 0) from order_refund rf where rf.tenant_id = $1 and rf.channel_id = $2"
                + "   and rf.occurred_at >= $3 and rf.occurred_at < $4 and rf.currency = $5) as revenue,"
                + " (select coalesce(sum(total), 0) from o) as invoiced, (select coalesce(sum(paid), 0) from o) as paid,"
                + " (select count(*) from c) as customers, (select count(*) from c where n >= 2) as repeat_customers,"
                + " (select count(*) from d) as delivered, (select avg(hours) from d) as avg_hours,"
                + " (select percentile_cont(0.9) within group (order by hours) from d) as p90_hours,"
                + " n.responses, n.promoters, n.detractors,"
                + " (select coalesce(sum(credited), 0) from o) as credited,"
                // After-sales (docs/KPIS.md): units shipped and units received back in the period, cases resolved in it.
                + " (select coalesce(sum(sl.quantity), 0) from order_shipment s join order_shipment_line sl on sl.tenant_id = s.tenant_id"
                + "   and sl.shipment_id = s.id join sales_order so on so.tenant_id = s.tenant_id and so.id = s.order_id"
                + "   where s.tenant_id = $1 and so.channel_id = $2 and s.shipped_at >= $3 and s.shipped_at < $4) as shipped_units,"
                + " (select coalesce(sum(rl.received_quantity), 0) from return_order r join return_line rl on rl.tenant_id = r.tenant_id"
                + "   and rl.return_id = r.id where r.tenant_id = $1 and r.channel_id = $2 and r.status in ('RECEIVED', 'REFUNDED')"
                + "   and exists (select 1 from return_event e where e.tenant_id = r.tenant_id and e.return_id = r.id and e.type = 'RECEIVED'"
                + "   and e.occurred_at >= $3 and e.occurred_at < $4)) as returned_units,"
                + " (select count(*) from service_case sc where sc.tenant_id = $1 and sc.assigned_channel_id = $2"
                + "   and sc.resolved_at >= $3 and sc.resolved_at < $4) as cases_resolved,"
                + " (select count(*) from service_case sc where sc.tenant_id = $1 and sc.assigned_channel_id = $2"
                + "   and sc.resolved_at >= $3 and sc.resolved_at < $4 and sc.resolved_at <= sc.due_at) as cases_on_time,"
                + " (select avg(sc.satisfaction_score) from service_case sc where sc.tenant_id = $1 and sc.assigned_channel_id = $2"
                + "   and sc.satisfaction_at >= $3 and sc.satisfaction_at < $4) as csat"
                + " from n";
        return db.one(client, sql, Tuple.of(tenant, channelId, utc(start), utc(end), currency), r -> r).map(Optional::orElseThrow);
    }

    /**
     * Per (location, SKU): on hand just before the period and at its end (last ledger row), units shipped in it,
     * with the product's floor price and name.
     */
    public Uni<List<Row>> turnover(SqlClient client, String tenant, Instant start, Instant end, String locationCode, String sku,
                                   String afterLocation, String afterSku, int fetch) {
        List<Object> args = new ArrayList<>(List.of(tenant, utc(start), utc(end)));
        StringBuilder sql = new StringBuilder("select loc.code as location_code, s.sku, p.name, p.floor_price, p.currency,"
                + " coalesce((select g.on_hand_after from stock_ledger g where g.tenant_id = $1 and g.location_id = s.location_id"
                + "   and g.sku = s.sku and g.occurred_at < $2 order by g.seq desc limit 1), 0) as opening,"
                + " coalesce((select g.on_hand_after from stock_ledger g where g.tenant_id = $1 and g.location_id = s.location_id"
                + "   and g.sku = s.sku and g.occurred_at < $3 order by g.seq desc limit 1), 0) as closing,"
                + " coalesce((select -sum(g.on_hand_delta) from stock_ledger g where g.tenant_id = $1 and g.location_id = s.location_id"
                + "   and g.sku = s.sku and g.kind = 'SHIP' and g.occurred_at >= $2 and g.occurred_at < $3), 0) as shipped"
                + " from stock_level s join stock_location loc on loc.tenant_id = s.tenant_id and loc.id = s.location_id"
                + " left join product p on p.tenant_id = s.tenant_id and p.sku = s.sku where s.tenant_id = $1");
        if (locationCode != null) {
            args.add(locationCode);
            sql.append(" and loc.code = $").append(args.size());
        }
        if (sku != null) {
            args.add(sku);
            sql.append(" and s.sku = $").append(args.size());
        }
        if (afterLocation != null) {
            args.add(afterLocation);
            int pl = args.size();
            args.add(afterSku);
            sql.append(" and (loc.code collate \"C\" > $").append(pl).append(" or (loc.code = $").append(pl)
                    .append(" and s.sku collate \"C\" > $").append(args.size()).append("))");
        }
        args.add(fetch);
        sql.append(" order by loc.code collate \"C\", s.sku collate \"C\" limit $").append(args.size());
        return db.list(client, sql.toString(), Tuple.from(args), r -> r);
    }

    /** SKUs with a threshold whose available stock over all locations is below it. */
    public Uni<List<Row>> lowStock(SqlClient client, String tenant, String afterSku, int fetch) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        StringBuilder sql = new StringBuilder("select t.sku, p.name, t.threshold, coalesce(s.on_hand, 0) as on_hand,"
                + " coalesce(s.reserved, 0) as reserved, coalesce(s.on_hand - s.reserved, 0) as available from stock_threshold t"
                + " left join lateral (select sum(l.on_hand)::bigint as on_hand, sum(l.reserved)::bigint as reserved from stock_level l"
                + "   where l.tenant_id = t.tenant_id and l.sku = t.sku) s on true"
                + " left join product p on p.tenant_id = t.tenant_id and p.sku = t.sku"
                + " where t.tenant_id = $1 and coalesce(s.on_hand - s.reserved, 0) < t.threshold");
        if (afterSku != null) {
            args.add(afterSku);
            sql.append(" and t.sku collate \"C\" > $").append(args.size());
        }
        args.add(fetch);
        sql.append(" order by t.sku collate \"C\" limit $").append(args.size());
        return db.list(client, sql.toString(), Tuple.from(args), r -> r);
    }

    public Uni<Optional<Row>> threshold(SqlClient client, String tenant, String sku) {
        return db.one(client, "select sku, threshold, version, updated_at from stock_threshold where tenant_id = $1 and sku = $2",
                Tuple.of(tenant, sku), r -> r);
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
        where.append(" and ((r.grain = 'M' and r.period >= $").append(pMf).append(" and r.period < $").append(pMl).append(")");
        List<LocalDate[]> days = new ArrayList<>(span.addedDays());
        days.addAll(span.subtractedDays());
        for (LocalDate[] range : days) {
            args.add(range[0]);
            args.add(range[1]);
            where.append(" or (r.grain = 'D' and r.period >= $").append(args.size() - 1).append(" and r.period < $").append(args.size()).append(")");
        }
        where.append(")");
        return span.subtractedDays().isEmpty() ? ""
                : " * (case when r.grain = 'D' and r.period >= $" + pMf + " and r.period < $" + pMl + " then -1 else 1 end)";
    }

}
