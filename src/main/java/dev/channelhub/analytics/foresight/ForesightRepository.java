package dev.channelhub.analytics.foresight;

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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of growth, churn and forecast (docs/KPIS.md, "Foresight"): one statement per figure set, on the pool. */
@ApplicationScoped
public class ForesightRepository {

    @Inject
    Db db;

    /**
     * Revenue per key of the month rows in [periodStart, periodEnd) and in the previous period [previousStart,
     * periodStart), with the currency's total of the period (over the rows in scope) for the share; a page by
     * (key, currency). Keys without revenue in either period are left out.
     */
    private static final String GROWTH = """
            with g as (
                select %s as key, r.currency,
                       coalesce(sum(r.revenue) filter (where r.period >= $3), 0) as revenue,
                       coalesce(sum(r.revenue) filter (where r.period < $3), 0) as previous
                from sales_rollup r
                left join channel c on c.tenant_id = r.tenant_id and c.id = r.channel_id
                where r.tenant_id = $1 and r.dim = 'T' and r.grain = 'M' and r.period >= $2 and r.period < $4
                  and ($5::uuid is null or r.channel_id = $5)
                group by 1, 2),
            t as (select currency, sum(revenue) as total from g group by currency),
            pg as (
                select g.key, g.currency, g.revenue, g.previous, t.total
                from g join t on t.currency = g.currency
                where (g.revenue <> 0 or g.previous <> 0)
                  and ($6::text is null or g.key collate "C" > $6 or (g.key = $6 and g.currency > $7))
                order by g.key collate "C", g.currency
                limit $8)
            select pg.key, %s as label, pg.currency, pg.revenue, pg.previous, pg.total
            from pg%s
            order by pg.key collate "C", pg.currency""";

    private static final String GROWTH_BY_CHANNEL = GROWTH.formatted("r.channel_id::text", "lc.name",
            " left join channel lc on lc.tenant_id = $1 and lc.id = pg.key::uuid");
    private static final String GROWTH_BY_CHANNEL_TYPE = GROWTH.formatted("coalesce(c.type, '')", "pg.key", "");

    public Uni<List<Row>> growth(SqlClient client, String tenant, boolean byChannel, LocalDate previousStart, LocalDate periodStart,
                                 LocalDate periodEnd, UUID channelId, String afterKey, String afterCurrency, int fetch) {
        List<Object> args = Arrays.asList(tenant, previousStart, periodStart, periodEnd, channelId, afterKey, afterCurrency, fetch);
        return db.list(client, byChannel ? GROWTH_BY_CHANNEL : GROWTH_BY_CHANNEL_TYPE, Tuple.from(args), r -> r);
    }

    /**
     * Customers with a (not cancelled) order in the active window [activeStart, end) and those with one in the
     * previous window [previousStart, activeStart) but none in the active window.
     */
    private static final String CHURN_FIGURES = """
            with c as (
                select o.customer_id,
                       bool_or(o.created_at >= $4) as active,
                       bool_or(o.created_at < $4) as before
                from sales_order o
                where o.tenant_id = $1 and ($2::uuid is null or o.channel_id = $2) and o.status <> 'CANCELLED'
                  and o.customer_id is not null and o.created_at >= $3 and o.created_at < $5
                group by o.customer_id)
            select count(*) filter (where active) as active,
                   count(*) filter (where before and not active) as churned,
                   count(*) filter (where before) as previous
            from c""";

    public Uni<Row> churnFigures(SqlClient client, String tenant, UUID channelId, Instant previousStart, Instant activeStart, Instant end) {
        return db.one(client, CHURN_FIGURES, Tuple.from(Arrays.asList(tenant, channelId, utc(previousStart), utc(activeStart), utc(end))), r -> r)
                .map(Optional::orElseThrow);
    }

    /**
     * Customers whose last (not cancelled) order before {@code end} lies in [activeStart, riskEnd): still active, but
     * close to the window's edge. Oldest last order first; a page by (last order, customer id).
     */
    private static final String AT_RISK = """
            select c.customer_id, c.last_at, c.orders, cu.name
            from (select o.customer_id, max(o.created_at) as last_at, count(*) as orders
                  from sales_order o
                  where o.tenant_id = $1 and ($2::uuid is null or o.channel_id = $2) and o.status <> 'CANCELLED'
                    and o.customer_id is not null and o.created_at >= $3 and o.created_at < $5
                  group by o.customer_id) c
            left join customer cu on cu.tenant_id = $1 and cu.id = c.customer_id
            where c.last_at < $4
              and ($6::timestamptz is null or c.last_at > $6 or (c.last_at = $6 and c.customer_id > $7))
            order by c.last_at, c.customer_id
            limit $8""";

    public Uni<List<Row>> atRisk(SqlClient client, String tenant, UUID channelId, Instant activeStart, Instant riskEnd, Instant end,
                                 Instant afterLast, UUID afterCustomer, int fetch) {
        List<Object> args = Arrays.asList(tenant, channelId, utc(activeStart), utc(riskEnd), utc(end),
                afterLast == null ? null : utc(afterLast), afterCustomer, fetch);
        return db.list(client, AT_RISK, Tuple.from(args), r -> r);
    }

    /** Revenue per month of the month rows in [from, to) in one currency, optionally of one channel; months without rows are absent. */
    private static final String MONTHLY_REVENUE = """
            select r.period, sum(r.revenue) as revenue
            from sales_rollup r
            where r.tenant_id = $1 and r.dim = 'T' and r.grain = 'M' and r.period >= $2 and r.period < $3 and r.currency = $4
              and ($5::uuid is null or r.channel_id = $5)
            group by r.period
            order by r.period""";

    public Uni<List<Row>> monthlyRevenue(SqlClient client, String tenant, LocalDate from, LocalDate to, String currency, UUID channelId) {
        return db.list(client, MONTHLY_REVENUE, Tuple.from(Arrays.asList(tenant, from, to, currency, channelId)), r -> r);
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
