package dev.channelhub.incentive;

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
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Channel targets: written as {@link ChannelTargetEntity} in the service's transaction; read with their actuals by SQL
 * on the pool. Actual revenue is the sales report's: month rows of the rollups ({@code sales_rollup}, dim T, the
 * target's currency); new customers are those whose first order (not cancelled) through the channel lies in the period.
 */
@ApplicationScoped
public class ChannelTargetRepository implements PanacheRepositoryBase<ChannelTargetEntity, TenantKey> {

    @Inject
    Db db;

    /** Serialises the first setting of one channel and period (two racing first PUTs: the second updates). */
    private static final String LOCK_KEY = """
            select 1 from pg_advisory_xact_lock(hashtextextended('channel-target:' || ?1 || ':' || ?2 || ':' || ?3, 0))""";

    /**
     * The actuals of a target row {@code t} (columns tenant_id, channel_id, period_start, period_end, currency); $zone is
     * the tenant time zone. Periods are whole months, so the month rows of the rollups answer them exactly.
     */
    private static final String ACTUALS = """
            (select coalesce(sum(r.revenue), 0) from sales_rollup r where r.tenant_id = t.tenant_id and r.dim = 'T'
              and r.grain = 'M' and r.channel_id = t.channel_id and r.period >= t.period_start and r.period < t.period_end
              and r.currency = t.currency) as actual_revenue,
            (select count(*) from (select 1 from sales_order o where o.tenant_id = t.tenant_id and o.channel_id = t.channel_id
              and o.customer_id is not null and o.status <> 'CANCELLED' group by o.customer_id
              having min(o.created_at) >= (t.period_start::timestamp at time zone $ZONE)
              and min(o.created_at) < (t.period_end::timestamp at time zone $ZONE)) f) as actual_new_customers""";

    /** The actuals of one channel, period and currency (before its target row is written). */
    private static final String ACTUALS_OF = """
            select %s from (select $1::varchar as tenant_id, $2::uuid as channel_id, $3::date as period_start,
            $4::date as period_end, $5::varchar as currency) t""".formatted(ACTUALS.replace("$ZONE", "$6"));

    /** Attainment, rounded half-up to 4 decimals (docs/KPIS.md "Targets"). */
    private static final String RANKED = """
            select x.*, rank() over (order by x.attainment desc) as rank,
              row_number() over (order by x.attainment desc, x.channel_id) as pos
            from (select a.*, round(a.actual_revenue / a.revenue, 4) as attainment
                  from (select t.channel_id, t.period, t.currency, t.revenue, t.new_customers, t.version, %s
                        from channel_target t where t.tenant_id = $1 and t.period = $2
                        and ($4::uuid[] is null or t.channel_id = any($4))) a) x""".formatted(ACTUALS.replace("$ZONE", "$3"));

    /** A ranking page: positions after $5, $6 rows. */
    private static final String RANKING = """
            select * from (%s) k where k.pos > $5 order by k.pos limit $6""".formatted(RANKED);

    /** One channel's targets (optionally one period), in period code order, keyset on the code. */
    private static final String OF_CHANNEL = """
            select a.*, round(a.actual_revenue / a.revenue, 4) as attainment, null::bigint as rank
            from (select t.channel_id, t.period, t.currency, t.revenue, t.new_customers, t.version, %s
                  from channel_target t where t.tenant_id = $1 and t.channel_id = $2
                  and ($4::varchar is null or t.period = $4) and ($5::varchar is null or t.period collate "C" > $5)) a
            order by a.period collate "C" limit $6""".formatted(ACTUALS.replace("$ZONE", "$3"));

    /** One target by channel and exact period (the scorecard's period), with its actuals. */
    private static final String ONE = """
            select a.*, round(a.actual_revenue / a.revenue, 4) as attainment, null::bigint as rank
            from (select t.channel_id, t.period, t.currency, t.revenue, t.new_customers, t.version, %s
                  from channel_target t where t.tenant_id = $1 and t.channel_id = $2 and t.period = $4) a"""
            .formatted(ACTUALS.replace("$ZONE", "$3"));

    /** Figures computed from the rollups and orders. */
    public record Actuals(BigDecimal revenue, long newCustomers) {
    }

    /** A row of a ranking: its position (the cursor) and the view. */
    public record Ranked(long position, ChannelTargetView view) {
    }

    // ---- entities, in the service's Hibernate Reactive transaction

    public Uni<ChannelTargetEntity> lock(String tenant, UUID channelId, String period) {
        return find("tenantId = ?1 and channelId = ?2 and period = ?3", tenant, channelId, period)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Void> lockKey(Mutiny.Session session, String tenant, UUID channelId, String period) {
        return session.createNativeQuery(LOCK_KEY).setParameter(1, tenant).setParameter(2, channelId.toString())
                .setParameter(3, period).getSingleResult().replaceWithVoid();
    }

    // ---- SQL on the pool

    public Uni<Actuals> actuals(SqlClient client, String tenant, UUID channelId, LocalDate start, LocalDate end, String currency,
                                String zone) {
        return db.one(client, ACTUALS_OF, Tuple.from(new Object[]{tenant, channelId, start, end, currency, zone}),
                        r -> new Actuals(r.getBigDecimal("actual_revenue"), r.getLong("actual_new_customers")))
                .map(o -> o.orElseThrow());
    }

    public Uni<List<Ranked>> ranking(String tenant, String period, String zone, List<UUID> channels, long afterPosition, int fetch) {
        return db.list(RANKING, Tuple.from(new Object[]{tenant, period, zone, channels == null ? null : channels.toArray(new UUID[0]),
                afterPosition, fetch}), r -> new Ranked(r.getLong("pos"), toView(r)));
    }

    public Uni<List<ChannelTargetView>> ofChannel(String tenant, UUID channelId, String zone, String period, String afterPeriod, int fetch) {
        return db.list(OF_CHANNEL, Tuple.from(new Object[]{tenant, channelId, zone, period, afterPeriod, fetch}),
                ChannelTargetRepository::toView);
    }

    public Uni<java.util.Optional<ChannelTargetView>> one(SqlClient client, String tenant, UUID channelId, String zone, String period) {
        return db.one(client, ONE, Tuple.of(tenant, channelId, zone, period), ChannelTargetRepository::toView);
    }

    static ChannelTargetView toView(Row r) {
        String cur = r.getString("currency");
        Long rank = r.getLong("rank");
        return new ChannelTargetView(r.getUUID("channel_id").toString(), r.getString("period"), cur,
                Money.round(r.getBigDecimal("revenue"), cur), r.getInteger("new_customers"),
                Money.round(r.getBigDecimal("actual_revenue"), cur), r.getLong("actual_new_customers"),
                r.getBigDecimal("attainment").setScale(4), rank == null ? null : rank.intValue(), r.getInteger("version"));
    }
}
