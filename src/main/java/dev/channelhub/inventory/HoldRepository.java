package dev.channelhub.inventory;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for holds. A hold's state only changes by a conditional update from ACTIVE, so exactly one of
 * expiry, release and consumption wins. */
@ApplicationScoped
public class HoldRepository {

    /** A hold row without its reservations. */
    public record HoldRow(String tenant, UUID id, UUID channelId, HoldStatus status, Instant expiresAt, UUID orderId, int version,
                          Instant createdAt, java.math.BigDecimal value, String currency) {
        HoldView view(List<ReservationView> reservations) {
            return new HoldView(id.toString(), channelId.toString(), status, expiresAt, orderId == null ? null : orderId.toString(),
                    reservations, version, createdAt, value == null ? null : dev.channelhub.shared.money.Money.round(value, currency),
                    currency);
        }
    }

    static final String COLUMNS = """
            tenant_id, id, channel_id, status, expires_at, order_id, version, created_at, value, currency""";

    @Inject
    Db db;

    private static final String INSERT = """
            insert into stock_hold (tenant_id, id, channel_id, status, expires_at, created_by, value, currency)
            values ($1, $2, $3, 'ACTIVE', now() + $4::int * interval '1 second', $5, $6, $7) returning %s""".formatted(COLUMNS);

    public Uni<HoldRow> insert(SqlClient tx, String tenant, UUID id, UUID channelId, int ttlSeconds, String actor,
                               java.math.BigDecimal value, String currency) {
        return db.one(tx, INSERT,
                Tuple.from(new Object[]{tenant, id, channelId, ttlSeconds, actor, value, currency}), HoldRepository::toRow)
                .map(Optional::orElseThrow);
    }

    private static final String COUNT_ACTIVE = """
            select count(*) as n from stock_hold
            where tenant_id = $1 and channel_id = $2 and status = 'ACTIVE' and expires_at > now()""";

    /** Holds of the channel that can still be consumed (ACTIVE and before their deadline). */
    public Uni<Long> countActive(SqlClient client, String tenant, UUID channelId) {
        return db.one(client, COUNT_ACTIVE, Tuple.of(tenant, channelId), r -> r.getLong("n")).map(Optional::orElseThrow);
    }

    private static final String FIND = """
            select %s from stock_hold where tenant_id = $1 and id = $2""".formatted(COLUMNS);

    /**
     * ACTIVE → $3 (and the order $5) only while active, for channel $4 when given; %s adds the deadline condition
     * ({@link #BEFORE_DEADLINE}, or {@link #PAST_DEADLINE} for an expiry).
     */
    private static final String LEAVE_ACTIVE = """
            update stock_hold set status = $3, order_id = coalesce($5, order_id), version = version + 1, updated_at = now()
            where tenant_id = $1 and id = $2 and status = 'ACTIVE' and ($4::uuid is null or channel_id = $4)%%s
            returning %s""".formatted(COLUMNS);
    private static final String BEFORE_DEADLINE = """
            \sand expires_at > now()""";
    private static final String PAST_DEADLINE = """
            \sand expires_at <= now()""";

    public Uni<Optional<HoldRow>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND, Tuple.of(tenant, id),
                HoldRepository::toRow);
    }

    /**
     * ACTIVE → {@code to} if the hold is still active (and, unless it is expiring, not past its deadline and
     * for {@code channelId} when given). Empty when the hold was not in that state.
     */
    public Uni<Optional<HoldRow>> leaveActive(SqlClient tx, String tenant, UUID id, HoldStatus to, UUID channelId, UUID orderId) {
        return db.one(tx, LEAVE_ACTIVE.formatted(to == HoldStatus.EXPIRED ? PAST_DEADLINE : BEFORE_DEADLINE), Tuple.of(tenant, id, to.name(), channelId, orderId), HoldRepository::toRow);
    }

    private static final String EXPIRED = """
            select %s from stock_hold where status = 'ACTIVE' and expires_at <= now()
            order by expires_at limit $1""".formatted(COLUMNS);

    /** Active holds past their deadline, in every tenant, oldest first. */
    public Uni<List<HoldRow>> expired(int limit) {
        return db.list(EXPIRED, Tuple.of(limit), HoldRepository::toRow);
    }

    static HoldRow toRow(Row r) {
        return new HoldRow(r.getString("tenant_id"), r.getUUID("id"), r.getUUID("channel_id"), HoldStatus.valueOf(r.getString("status")),
                r.getOffsetDateTime("expires_at").toInstant(), r.getUUID("order_id"), r.getInteger("version"),
                r.getOffsetDateTime("created_at").toInstant(), r.getBigDecimal("value"), r.getString("currency"));
    }

    static java.time.OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
