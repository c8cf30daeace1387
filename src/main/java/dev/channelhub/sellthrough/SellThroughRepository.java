package dev.channelhub.sellthrough;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sell-out lines and stock snapshots are ledgers written set-based: one multi-row statement per report, whatever its
 * number of lines (arrays unnested), never one insert per line.
 */
@ApplicationScoped
public class SellThroughRepository {

    /** The lines and the daily and monthly per-SKU aggregates in one statement: an aggregate can never miss a line. */
    private static final String INSERT_SELL_OUT = """
            with ins as (
                insert into sell_out_line (tenant_id, report_id, channel_id, sku, sold_on, quantity, customer_id, reported_by, reported_at)
                select $1, $2, $3, l.sku, l.sold_on, l.quantity, l.customer_id, $8, $9
                from unnest($4::text[], $5::date[], $6::int[], $7::uuid[]) as l (sku, sold_on, quantity, customer_id)
                returning sku, sold_on, quantity),
            daily as (
                insert into sell_out_daily as d (tenant_id, channel_id, day, sku, units)
                select $1, $3, sold_on, sku, sum(quantity) from ins group by sold_on, sku order by sold_on, sku
                on conflict (tenant_id, channel_id, day, sku) do update set units = d.units + excluded.units)
            insert into sell_out_monthly as m (tenant_id, channel_id, month, sku, units)
            select $1, $3, date_trunc('month', sold_on)::date, sku, sum(quantity) from ins group by 3, 4 order by 3, 4
            on conflict (tenant_id, channel_id, month, sku) do update set units = m.units + excluded.units""";

    private static final String KNOWN_CUSTOMERS = """
            select id from customer where tenant_id = $1 and id = any($2::uuid[])""";

    /** A PUT replaces the date's snapshot: SKUs it no longer names go. */
    private static final String DELETE_STOCK_REPORT = """
            delete from stock_report_line where tenant_id = $1 and channel_id = $2 and report_date = $3
            and sku <> all($4::text[])""";

    private static final String UPSERT_STOCK_REPORT = """
            insert into stock_report_line as s (tenant_id, channel_id, sku, report_date, quantity, reported_by, reported_at)
            select $1, $2, l.sku, $3, l.quantity, $6, $7 from unnest($4::text[], $5::int[]) as l (sku, quantity)
            on conflict (tenant_id, channel_id, sku, report_date) do update
            set quantity = excluded.quantity, reported_by = excluded.reported_by, reported_at = excluded.reported_at""";

    private final Db db;

    public SellThroughRepository(Db db) {
        this.db = db;
    }

    Uni<Void> insertSellOut(SqlClient tx, String tenant, UUID reportId, UUID channelId, List<SellOutLineRequest> lines,
                            List<UUID> customerIds, String actor, Instant at) {
        String[] skus = new String[lines.size()];
        LocalDate[] days = new LocalDate[lines.size()];
        Integer[] quantities = new Integer[lines.size()];
        UUID[] customers = customerIds.toArray(new UUID[0]);
        for (int i = 0; i < lines.size(); i++) {
            skus[i] = lines.get(i).sku();
            days[i] = lines.get(i).date();
            quantities[i] = lines.get(i).quantity();
        }
        return db.query(tx, INSERT_SELL_OUT, Tuple.from(new Object[]{tenant, reportId, channelId, skus, days, quantities, customers, actor,
                at.atOffset(ZoneOffset.UTC)})).replaceWithVoid();
    }

    Uni<Set<UUID>> knownCustomers(SqlClient client, String tenant, Set<UUID> ids) {
        return db.list(client, KNOWN_CUSTOMERS, Tuple.of(tenant, ids.toArray(new UUID[0])), r -> r.getUUID("id"))
                .map(Set::copyOf);
    }

    Uni<Void> replaceStockReport(SqlClient tx, String tenant, UUID channelId, LocalDate date, List<StockReportLineRequest> lines, String actor,
                                 Instant at) {
        String[] skus = lines.stream().map(StockReportLineRequest::sku).toArray(String[]::new);
        Integer[] quantities = lines.stream().map(StockReportLineRequest::quantity).toArray(Integer[]::new);
        return db.query(tx, DELETE_STOCK_REPORT, Tuple.of(tenant, channelId, date, skus))
                .flatMap(x -> db.query(tx, UPSERT_STOCK_REPORT, Tuple.from(new Object[]{tenant, channelId, date, skus, quantities, actor,
                        at.atOffset(ZoneOffset.UTC)})))
                .replaceWithVoid();
    }
}
