package dev.channelhub.analytics;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Sell-through figures of one channel: sell-out from the daily aggregate (sell_out_daily, kept by the insert of the
 * lines), sell-in from the shipments of the channel's own purchases, stock from its latest snapshots. One statement
 * each; the cost follows days x SKUs of the channel, never the number of sell-out lines.
 */
@ApplicationScoped
public class ChannelInventoryRepository {

    /** Whole months [$9, $10) from the monthly aggregate, the days before and after them from the daily one. */
    private static final String SELL_OUT = """
            select sku, sum(units) as sell_out from (
                select sku, units from sell_out_monthly
                where tenant_id = $1 and channel_id = $2 and month >= $9 and month < $10
                union all
                select sku, units from sell_out_daily
                where tenant_id = $1 and channel_id = $2 and ((day >= $3 and day < $9) or (day >= $10 and day <= $4))) u
            group by sku""";

    /** Sell-in: units shipped in [start, end) on the channel's orders placed without a customer (its own purchases). */
    private static final String SELL_IN = """
            select sl.sku, sum(sl.quantity) as sell_in
            from sales_order o
            join order_shipment s on s.tenant_id = o.tenant_id and s.order_id = o.id and s.shipped_at >= $5 and s.shipped_at < $6
            join order_shipment_line sl on sl.tenant_id = s.tenant_id and sl.shipment_id = s.id
            where o.tenant_id = $1 and o.channel_id = $2 and o.customer_id is null
            group by sl.sku""";

    /**
     * Each SKU's latest snapshot on or before the period's last day: the channel's SKUs walked on the primary key
     * (tenant, channel, sku, report_date) one index descent each, then one descent for each SKU's latest date, instead
     * of sorting every snapshot row the channel ever sent.
     */
    private static final String STOCK = """
            with recursive skus (sku) as (
                (select sku from stock_report_line where tenant_id = $1 and channel_id = $2 order by sku limit 1)
                union all
                select (select r.sku from stock_report_line r where r.tenant_id = $1 and r.channel_id = $2 and r.sku > skus.sku
                        order by r.sku limit 1)
                from skus where skus.sku is not null)
            select l.sku, l.quantity, l.report_date from skus
            cross join lateral (select r.sku, r.quantity, r.report_date from stock_report_line r
                                where r.tenant_id = $1 and r.channel_id = $2 and r.sku = skus.sku and r.report_date <= $4
                                order by r.report_date desc limit 1) l""";

    /** A page of SKUs in byte order after $7: everything a SKU has in the period, one row per SKU. */
    private static final String PAGE = """
            with so as (%s), si as (%s), st as (%s),
            k as (select sku from so union select sku from si union select sku from st)
            select k.sku, coalesce(si.sell_in, 0) as sell_in, coalesce(so.sell_out, 0) as sell_out,
                   st.quantity as reported_stock, st.report_date as reported_at
            from k left join so on so.sku = k.sku left join si on si.sku = k.sku left join st on st.sku = k.sku
            where $7::text is null or k.sku collate "C" > $7::text
            order by k.sku collate "C" limit $8""".formatted(SELL_OUT, SELL_IN, STOCK);

    /** The channel's totals for the scorecard's sellThroughRate. */
    private static final String TOTALS = """
            with so as (%s), si as (%s)
            select (select coalesce(sum(sell_out), 0) from so) as sell_out, (select coalesce(sum(sell_in), 0) from si) as sell_in,
                   $7::text as unused_cursor, $8::int as unused_limit""".formatted(SELL_OUT, SELL_IN);

    private final Db db;

    public ChannelInventoryRepository(Db db) {
        this.db = db;
    }

    Uni<List<Row>> page(SqlClient client, String tenant, UUID channelId, LocalDate from, LocalDate to, Instant start, Instant end,
                        String afterSku, int fetch) {
        LocalDate[] months = wholeMonths(from, to);
        return db.list(client, PAGE, Tuple.from(new Object[]{tenant, channelId, from, to, start.atOffset(ZoneOffset.UTC),
                end.atOffset(ZoneOffset.UTC), afterSku, fetch, months[0], months[1]}), r -> r);
    }

    /** {sellOut, sellIn} of the channel over the period. */
    Uni<long[]> totals(SqlClient client, String tenant, UUID channelId, LocalDate from, LocalDate to, Instant start, Instant end) {
        LocalDate[] months = wholeMonths(from, to);
        return db.one(client, TOTALS, Tuple.from(new Object[]{tenant, channelId, from, to, start.atOffset(ZoneOffset.UTC),
                        end.atOffset(ZoneOffset.UTC), null, null, months[0], months[1]}),
                        r -> new long[]{r.getLong("sell_out"), r.getLong("sell_in")})
                .map(o -> o.orElse(new long[]{0, 0}));
    }

    /**
     * The whole months inside [from, to] as [first day, first day after]; without a whole month both are to + 1, so the
     * daily rows cover the period alone.
     */
    static LocalDate[] wholeMonths(LocalDate from, LocalDate to) {
        LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate end = to.plusDays(1).withDayOfMonth(1);
        if (!first.isBefore(end)) {
            return new LocalDate[]{to.plusDays(1), to.plusDays(1)};
        }
        return new LocalDate[]{first, end};
    }
}
