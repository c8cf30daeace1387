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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The sales report with {@code attribution=origin} and/or a second dimension ({@code thenBy}), one statement
 * (docs/KPIS.md, "Attribution and cross-tabs"). Rows come from the rollups exactly as the plain report reads them
 * (month rows where a month is mostly inside the period, day rows added or subtracted at the edges); with origin
 * attribution and a channel in a key or the filter, each order of a converted lead whose source channel differs from
 * the order's channel is moved from the order's channel to the lead's source channel (its refunds with it), read
 * from the few converted leads' orders.
 */
@ApplicationScoped
public class SalesCrossRepository {

    @Inject
    Db db;

    /**
     * %1$s key expression, %2$s second key expression (over u and its channel c), %3$s correction branches (or
     * nothing), %4$s label of the key, %5$s label of the second key, %6$s label joins.
     * $1 tenant, $2 dim, $3 channel filter, $4 all-channel SKU rows (true/false/null = channel rows only for dim S),
     * $5/$6 months [from, to), $7..$10 added day ranges, $11..$14 subtracted day ranges, $15 zone, $16/$17 period
     * instants (typed in {@code params} so that they are known when the correction is left out), $18..$20 cursor (key,
     * second key, currency), $21 fetch.
     */
    private static final String CROSS = """
            with params as (select $15::text as zone, $16::timestamptz as period_start, $17::timestamptz as period_end),
            u as (
                select r.channel_id, r.period, r.dim_key, r.currency,
                       r.orders * s.sign as orders, r.units * s.sign as units, r.revenue * s.sign as revenue
                from sales_rollup r
                cross join lateral (select case when r.grain = 'D' and ((r.period >= $11 and r.period < $12)
                                                     or (r.period >= $13 and r.period < $14)) then -1 else 1 end as sign) s
                where r.tenant_id = $1 and r.dim = $2
                  and ($3::uuid is null or r.channel_id = $3)
                  and ($2 <> 'S' or (r.channel_id = '00000000-0000-0000-0000-000000000000'::uuid) = $4)
                  and ((r.grain = 'M' and r.period >= $5 and r.period < $6)
                       or (r.grain = 'D' and ((r.period >= $7 and r.period < $8) or (r.period >= $9 and r.period < $10)
                                              or (r.period >= $11 and r.period < $12) or (r.period >= $13 and r.period < $14))))
                %3$s),
            a as (
                select %1$s as key, %2$s as then_key, u.currency,
                       sum(u.orders) as orders, sum(u.units) as units, sum(u.revenue) as revenue
                from u left join channel c on c.tenant_id = $1 and c.id = u.channel_id
                where ($3::uuid is null or u.channel_id = $3)
                group by 1, 2, 3),
            pg as (
                select a.* from a
                where (a.orders <> 0 or a.revenue <> 0)
                  and ($18::text is null or a.key collate "C" > $18
                       or (a.key = $18 and (a.then_key collate "C" > $19 or (a.then_key = $19 and a.currency > $20))))
                order by a.key collate "C", a.then_key collate "C", a.currency
                limit $21)
            select pg.key, %4$s as label, pg.then_key, %5$s as then_label, pg.currency, pg.orders, pg.units, pg.revenue
            from pg%6$s
            order by pg.key collate "C", pg.then_key collate "C", pg.currency""";

    /** The converted leads' orders (one lead per order) whose source channel is not the order's channel. */
    private static final String MOVED = """
                union all
                select x.channel_id, y.day, y.dim_key, y.currency, x.sign, x.sign * y.units, x.sign * y.revenue
                from (select (o.created_at at time zone $15)::date as day, o.currency, o.channel_id as closing, l.source_channel_id as origin,
                             case $2 when 'C' then coalesce(p.category, '') when 'S' then ol.sku else '' end as dim_key,
                             sum(ol.quantity) as units, sum(ol.line_total) as revenue
                      from (select distinct on (l.order_id) l.order_id, l.source_channel_id from lead l
                            where l.tenant_id = $1 and l.status = 'CONVERTED' and l.order_id is not null and l.source_channel_id is not null
                            order by l.order_id, l.closed_at, l.id) l
                      join sales_order o on o.tenant_id = $1 and o.id = l.order_id
                      join order_line ol on ol.tenant_id = o.tenant_id and ol.order_id = o.id
                      left join product p on p.tenant_id = ol.tenant_id and p.sku = ol.sku
                      where o.status <> 'CANCELLED' and o.channel_id <> l.source_channel_id and o.created_at >= $16 and o.created_at < $17
                      group by o.id, 1, 2, 3, 4, 5) y
                cross join lateral (values (y.closing, -1), (y.origin, 1)) as x(channel_id, sign)
                union all
                select x.channel_id, y.day, y.dim_key, y.currency, 0, 0, x.sign * y.amount
                from (select (rf.occurred_at at time zone $15)::date as day, rf.currency, o.channel_id as closing, l.source_channel_id as origin,
                             case $2 when 'C' then coalesce(p.category, '') when 'S' then rl.sku else '' end as dim_key,
                             sum(rl.amount) as amount
                      from (select distinct on (l.order_id) l.order_id, l.source_channel_id from lead l
                            where l.tenant_id = $1 and l.status = 'CONVERTED' and l.order_id is not null and l.source_channel_id is not null
                            order by l.order_id, l.closed_at, l.id) l
                      join sales_order o on o.tenant_id = $1 and o.id = l.order_id
                      join order_refund rf on rf.tenant_id = $1 and rf.order_id = o.id
                      join order_refund_line rl on rl.tenant_id = rf.tenant_id and rl.refund_id = rf.id
                      left join product p on p.tenant_id = rl.tenant_id and p.sku = rl.sku
                      where o.channel_id <> l.source_channel_id and rf.occurred_at >= $16 and rf.occurred_at < $17
                      group by 1, 2, 3, 4, 5) y
                cross join lateral (values (y.closing, 1), (y.origin, -1)) as x(channel_id, sign)""";

    public Uni<List<Row>> cross(SqlClient client, String tenant, SalesGroupBy by, SalesGroupBy thenBy, boolean origin, UUID channelId,
                                LocalDate from, LocalDate to, Instant start, Instant end, String zone,
                                String afterKey, String afterThen, String afterCurrency, int fetch) {
        boolean channelDependent = channelId != null || isChannel(by) || (thenBy != null && isChannel(thenBy));
        String dim = by == SalesGroupBy.SKU || thenBy == SalesGroupBy.SKU ? "S"
                : by == SalesGroupBy.CATEGORY || thenBy == SalesGroupBy.CATEGORY ? "C" : "T";
        boolean daysOnly = by == SalesGroupBy.DAY || thenBy == SalesGroupBy.DAY || ("S".equals(dim) && channelDependent);
        RollupSpan span = RollupSpan.of(from, to, daysOnly);
        LocalDate[] added = ranges(span.addedDays());
        LocalDate[] subtracted = ranges(span.subtractedDays());
        String labels = "%s%s".formatted(join(by, "1", "pg.key"), thenBy == null ? "" : join(thenBy, "2", "pg.then_key"));
        String sql = CROSS.formatted(key(by), thenBy == null ? "''" : key(thenBy), origin && channelDependent ? MOVED : "",
                label(by, "1", "pg.key"), thenBy == null ? "null::text" : label(thenBy, "2", "pg.then_key"), labels);
        List<Object> args = Arrays.asList(tenant, dim, channelId, !channelDependent, span.monthsFrom(), span.monthsTo(),
                added[0], added[1], added[2], added[3], subtracted[0], subtracted[1], subtracted[2], subtracted[3],
                zone, utc(start), utc(end), afterKey, afterThen == null ? "" : afterThen, afterCurrency, fetch);
        return db.list(client, sql, Tuple.from(args), r -> r);
    }

    private static boolean isChannel(SalesGroupBy g) {
        return g == SalesGroupBy.CHANNEL || g == SalesGroupBy.CHANNEL_TYPE || g == SalesGroupBy.REGION;
    }

    private static LocalDate[] ranges(List<LocalDate[]> list) {
        LocalDate[] out = new LocalDate[4];
        for (int i = 0; i < list.size() && i < 2; i++) {
            out[2 * i] = list.get(i)[0];
            out[2 * i + 1] = list.get(i)[1];
        }
        return out;
    }

    private static String key(SalesGroupBy g) {
        return switch (g) {
            case CHANNEL -> "u.channel_id::text";
            case CHANNEL_TYPE -> "coalesce(c.type, '')";
            case REGION -> "coalesce(c.region, '')";
            case SKU, CATEGORY -> "u.dim_key";
            case DAY -> "to_char(u.period, 'YYYY-MM-DD')";
            case MONTH -> "to_char(u.period, 'YYYY-MM')";
        };
    }

    private static String label(SalesGroupBy g, String n, String col) {
        return switch (g) {
            case CHANNEL -> "lc%s.name".formatted(n);
            case SKU -> "lp%s.name".formatted(n);
            case REGION -> "case when %1$s = '' then '(no region)' else %1$s end".formatted(col);
            case CATEGORY -> "case when %1$s = '' then '(no category)' else %1$s end".formatted(col);
            default -> col;
        };
    }

    private static String join(SalesGroupBy g, String n, String col) {
        return switch (g) {
            case CHANNEL -> " left join channel lc%1$s on lc%1$s.tenant_id = $1 and lc%1$s.id = %2$s::uuid".formatted(n, col);
            case SKU -> " left join product lp%1$s on lp%1$s.tenant_id = $1 and lp%1$s.sku = %2$s".formatted(n, col);
            default -> "";
        };
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
