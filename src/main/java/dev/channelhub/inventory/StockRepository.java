package dev.channelhub.inventory;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for stock levels, the ledger and reservations. Every change of a stock row is one conditional
 * statement that also writes its ledger row (data-modifying CTEs), never a read followed by a write.
 * Rows are locked in (location_id, sku) order wherever several are changed, so that concurrent
 * reservations queue instead of deadlocking.
 */
@ApplicationScoped
public class StockRepository {

    @Inject
    Db db;

    /** The result of a conditional change: the row before (empty if absent) and after (empty if refused). */
    public record Change(Optional<StockLevelView> before, Optional<StockLevelView> after, Long ledgerSeq) {
    }

    /** One reserved or shipped quantity at one location. */
    public record Allocation(UUID locationId, String locationCode, String sku, long quantity) {
    }

    private static final String ENSURE_ROW = """
            insert into stock_level (tenant_id, location_id, sku) values ($1, $2, $3) on conflict do nothing""";

    public Uni<Void> ensureRow(SqlClient tx, String tenant, UUID locationId, String sku) {
        return db.query(tx, ENSURE_ROW,
                Tuple.of(tenant, locationId, sku)).replaceWithVoid();
    }

    /** The tail of SET and ADJUST: the row before and after (after is empty when the condition refused the change). */
    private static final String LEVEL_OF_CHANGE = """
            select l.code, l.priority, o.on_hand as b_on_hand, o.reserved as b_reserved,
            o.version as b_version, o.updated_at as b_updated_at, u.on_hand, u.reserved, u.version, u.updated_at,
            (select seq from led) as seq
            from old o join stock_location l on l.tenant_id = $1 and l.id = $2 left join upd u on true""";

    /** One conditional statement: on hand is set only if it stays at or above reserved; the ledger row comes with it. */
    private static final String SET = """
            with old as (select on_hand, reserved, version, updated_at from stock_level
            where tenant_id = $1 and location_id = $2 and sku = $3 for update),
            upd as (update stock_level s set on_hand = $4, version = s.version + 1, updated_at = now() from old
            where s.tenant_id = $1 and s.location_id = $2 and s.sku = $3 and old.reserved <= $4
            and ($5::int is null or old.version = $5)
            returning s.on_hand, s.reserved, s.version, s.updated_at, old.on_hand as old_on_hand),
            led as (insert into stock_ledger (tenant_id, location_id, sku, kind, on_hand_delta, reserved_delta,
            on_hand_after, reserved_after, reason, actor)
            select $1, $2, $3, 'SET', on_hand - old_on_hand, 0, on_hand, reserved, $6, $7 from upd returning seq)
            %s""".formatted(LEVEL_OF_CHANGE);

    /** Sets on hand (never below what is reserved); {@code expectedVersion} null skips the version check. */
    public Uni<Change> set(SqlClient tx, String tenant, UUID locationId, String sku, long onHand, Integer expectedVersion,
                           String reason, String actor) {
        return db.query(tx, SET,
                        Tuple.from(new Object[]{tenant, locationId, sku, onHand, expectedVersion, reason, actor}))
                .map(rows -> toChange(rows, sku));
    }

    /** One conditional statement: on hand never drops below reserved nor below zero; the ledger row comes with it. */
    private static final String ADJUST = """
            with old as (select on_hand, reserved, version, updated_at from stock_level
            where tenant_id = $1 and location_id = $2 and sku = $3 for update),
            upd as (update stock_level s set on_hand = s.on_hand + $4, version = s.version + 1, updated_at = now()
            from old where s.tenant_id = $1 and s.location_id = $2 and s.sku = $3
            and old.on_hand + $4 >= old.reserved and old.on_hand + $4 >= 0
            returning s.on_hand, s.reserved, s.version, s.updated_at),
            led as (insert into stock_ledger (tenant_id, location_id, sku, kind, on_hand_delta, reserved_delta,
            on_hand_after, reserved_after, reason, actor)
            select $1, $2, $3, 'ADJUST', $4, 0, on_hand, reserved, $5, $6 from upd returning seq)
            %s""".formatted(LEVEL_OF_CHANGE);

    /** Adds {@code delta} to on hand unless that would leave less than is reserved. */
    public Uni<Change> adjust(SqlClient tx, String tenant, UUID locationId, String sku, long delta, String reason, String actor) {
        return db.query(tx, ADJUST,
                        Tuple.from(new Object[]{tenant, locationId, sku, delta, reason, actor}))
                .map(rows -> toChange(rows, sku));
    }

    private static final String RESTOCK = """
            with upd as (update stock_level s set on_hand = s.on_hand + $4, version = s.version + 1, updated_at = now()
                         where s.tenant_id = $1 and s.location_id = $2 and s.sku = $3 returning s.on_hand, s.reserved),
            led as (insert into stock_ledger (tenant_id, location_id, sku, kind, on_hand_delta, reserved_delta, on_hand_after,
                                              reserved_after, reason, ref_type, ref_id, actor)
                    select $1, $2, $3, 'RETURN', $4, 0, on_hand, reserved, $5, $6, $7, $8 from upd returning seq)
            select (select seq from led) as seq, on_hand, reserved from upd""";

    /** Adds returned units to on hand with a RETURN ledger row (the row exists: {@link #ensureRow} first). */
    public Uni<Row> restock(SqlClient tx, String tenant, UUID locationId, String sku, long quantity, String reason, String refType,
                            UUID refId, String actor) {
        return ensureRow(tx, tenant, locationId, sku)
                .flatMap(x -> db.query(tx, RESTOCK, Tuple.from(new Object[]{tenant, locationId, sku, quantity, reason, refType, refId, actor})))
                .map(rows -> rows.iterator().next());
    }

    private static Change toChange(io.vertx.mutiny.sqlclient.RowSet<Row> rows, String sku) {
        var it = rows.iterator();
        if (!it.hasNext()) {
            return new Change(Optional.empty(), Optional.empty(), null);
        }
        Row r = it.next();
        String code = r.getString("code");
        int priority = r.getInteger("priority");
        StockLevelView before = new StockLevelView(code, sku, r.getLong("b_on_hand"), r.getLong("b_reserved"),
                r.getLong("b_on_hand") - r.getLong("b_reserved"), priority, r.getInteger("b_version"),
                r.getOffsetDateTime("b_updated_at").toInstant());
        StockLevelView after = r.getLong("on_hand") == null ? null
                : new StockLevelView(code, sku, r.getLong("on_hand"), r.getLong("reserved"), r.getLong("on_hand") - r.getLong("reserved"),
                priority, r.getInteger("version"), r.getOffsetDateTime("updated_at").toInstant());
        return new Change(Optional.of(before), Optional.ofNullable(after), r.getLong("seq"));
    }

    private static final String LEVEL = """
            select l.code, l.priority, s.sku, s.on_hand, s.reserved, s.version, s.updated_at from stock_level s
            join stock_location l on l.tenant_id = s.tenant_id and l.id = s.location_id
            where s.tenant_id = $1 and s.location_id = $2 and s.sku = $3""";

    public Uni<Optional<StockLevelView>> level(SqlClient client, String tenant, UUID locationId, String sku) {
        return db.one(client, LEVEL,
                Tuple.of(tenant, locationId, sku), StockRepository::toLevel);
    }

    private static final String LEVELS = """
            select l.code, l.priority, s.sku, s.on_hand, s.reserved, s.version, s.updated_at from stock_level s
            join stock_location l on l.tenant_id = s.tenant_id and l.id = s.location_id
            where s.tenant_id = $1 and s.sku = $2 and ($3::uuid is null or l.channel_ids is null or $3 = any(l.channel_ids))
            order by l.priority desc, s.on_hand - s.reserved desc, l.code""";

    /** Stock of one SKU per location serving {@code channel} (every location when null), best first. */
    public Uni<List<StockLevelView>> levels(SqlClient client, String tenant, String sku, UUID channel) {
        return db.list(client, LEVELS,
                Tuple.of(tenant, sku, channel), StockRepository::toLevel);
    }

    static StockLevelView toLevel(Row r) {
        long onHand = r.getLong("on_hand");
        long reserved = r.getLong("reserved");
        return new StockLevelView(r.getString("code"), r.getString("sku"), onHand, reserved, onHand - reserved,
                r.getInteger("priority"), r.getInteger("version"), r.getOffsetDateTime("updated_at").toInstant());
    }

    private static final String AVAILABLE_TO_PROMISE = """
            select s.sku, sum(s.on_hand - s.reserved)::bigint as atp from stock_level s
            join stock_location l on l.tenant_id = s.tenant_id and l.id = s.location_id
            where s.tenant_id = $1 and s.sku = any($3)
            and ($2::uuid is null or l.channel_ids is null or $2 = any(l.channel_ids)) group by s.sku""";

    /** Available to promise per SKU for a channel (every location when null), one statement; absent SKUs are 0. */
    public Uni<Map<String, Long>> availableToPromise(SqlClient client, String tenant, UUID channel, List<String> skus) {
        return db.query(client, AVAILABLE_TO_PROMISE,
                Tuple.of(tenant, channel, skus.toArray(new String[0]))).map(rows -> {
                    Map<String, Long> out = new HashMap<>();
                    for (String sku : skus) {
                        out.put(sku, 0L);
                    }
                    for (Row r : rows) {
                        out.put(r.getString("sku"), r.getLong("atp"));
                    }
                    return out;
                });
    }

    /** The ledger before its optional filters, with each row's location code. */
    private static final String LEDGER = """
            select g.seq, l.code, g.sku, g.kind, g.on_hand_delta, g.reserved_delta, g.on_hand_after, g.reserved_after, g.reason,
            g.ref_type, g.ref_id, g.actor, g.occurred_at from stock_ledger g
            join stock_location l on l.tenant_id = g.tenant_id and l.id = g.location_id where g.tenant_id = $1""";

    public Uni<List<LedgerEntryView>> ledger(SqlClient client, String tenant, String sku, UUID locationId, UUID refId,
                                             Long afterSeq, int fetch) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder sql = new StringBuilder(LEDGER);
        if (sku != null) {
            args.add(sku);
            sql.append(" and g.sku = $").append(args.size());
        }
        if (locationId != null) {
            args.add(locationId);
            sql.append(" and g.location_id = $").append(args.size());
        }
        if (refId != null) {
            args.add(refId);
            sql.append(" and g.ref_id = $").append(args.size());
        }
        if (afterSeq != null) {
            args.add(afterSeq);
            sql.append(" and g.seq > $").append(args.size());
        }
        args.add(fetch);
        sql.append(" order by g.seq limit $").append(args.size());
        return db.list(client, sql.toString(), Tuple.from(args), r -> {
            UUID ref = r.getUUID("ref_id");
            return new LedgerEntryView(Long.toString(r.getLong("seq")), r.getString("code"), r.getString("sku"),
                    LedgerKind.valueOf(r.getString("kind")), r.getLong("on_hand_delta"), r.getLong("reserved_delta"),
                    r.getLong("on_hand_after"), r.getLong("reserved_after"), r.getString("reason"), r.getString("ref_type"),
                    ref == null ? null : ref.toString(), r.getString("actor"), r.getOffsetDateTime("occurred_at").toInstant());
        });
    }

    /**
     * Reserves every line (distinct SKUs) all or nothing in one statement of {@link StockAllocator}, which states the
     * no-oversell guarantee. {@code planned = true} may throw {@link Replan}: roll back and run again with {@code false}.
     */
    public Uni<StockAllocator.ReserveResult> reserve(SqlClient tx, String tenant, UUID channel, String ownerType, UUID ownerId,
                                                     List<StockLine> lines, String actor, boolean planned) {
        String[] skus = lines.stream().map(StockLine::sku).toArray(String[]::new);
        Long[] qty = lines.stream().map(StockLine::quantity).toArray(Long[]::new);
        return db.query(tx, StockAllocator.statement(planned), Tuple.from(new Object[]{tenant, channel, skus, qty, ownerType, ownerId, actor}))
                .map(rows -> StockAllocator.result(rows, planned));
    }

    /** Gives back everything the owner holds, rows locked in (location_id, sku) order like reservations. */
    private static final String RELEASE_ALL = """
            with gone as (delete from stock_reservation where tenant_id = $1 and owner_id = $2
            returning owner_type, location_id, sku, quantity),
            locked as (select s.location_id, s.sku from stock_level s join gone g on g.location_id = s.location_id
            and g.sku = s.sku where s.tenant_id = $1 and g.quantity > 0 order by s.location_id, s.sku for update of s),
            upd as (update stock_level s set reserved = s.reserved - g.quantity, version = s.version + 1, updated_at = now()
            from gone g join locked k on k.location_id = g.location_id and k.sku = g.sku
            where s.tenant_id = $1 and s.location_id = g.location_id and s.sku = g.sku
            returning s.location_id, s.sku, g.quantity, g.owner_type, s.on_hand, s.reserved),
            led as (insert into stock_ledger (tenant_id, location_id, sku, kind, on_hand_delta, reserved_delta,
            on_hand_after, reserved_after, reason, ref_type, ref_id, actor)
            select $1, location_id, sku, 'RELEASE', 0, -quantity, on_hand, reserved, $3, owner_type, $2, $4 from upd)
            select u.location_id, l.code, u.sku, u.quantity from upd u
            join stock_location l on l.tenant_id = $1 and l.id = u.location_id""";

    /** Releases everything the owner still has reserved (one statement); returns what was released. */
    public Uni<List<Allocation>> releaseAll(SqlClient tx, String tenant, UUID ownerId, String reason, String actor) {
        return db.list(tx, RELEASE_ALL,
                Tuple.of(tenant, ownerId, reason, actor),
                r -> new Allocation(r.getUUID("location_id"), r.getString("code"), r.getString("sku"), r.getLong("quantity")));
    }

    /** Ships only from the owner's own reservations: on hand and reserved go down together, never below zero. */
    private static final String SHIP = """
            with req as (select * from unnest($3::varchar[], $4::bigint[]) as t(sku, qty)),
            r as (select r.location_id, r.sku, r.quantity, l.priority, l.code from stock_reservation r
            join stock_location l on l.tenant_id = r.tenant_id and l.id = r.location_id
            where r.tenant_id = $1 and r.owner_id = $2 and r.quantity > 0 and r.sku = any($3::varchar[])),
            alloc as (select r.location_id, r.code, r.sku,
            least(r.quantity, greatest(0, q.qty - coalesce(sum(r.quantity) over w, 0))) as take
            from r join req q on q.sku = r.sku
            window w as (partition by r.sku order by r.priority desc, r.code rows between unbounded preceding and 1 preceding)),
            locked as (select s.location_id, s.sku from stock_level s join alloc a on a.location_id = s.location_id
            and a.sku = s.sku where s.tenant_id = $1 and a.take > 0 order by s.location_id, s.sku for update of s),
            upd as (update stock_level s set on_hand = s.on_hand - a.take, reserved = s.reserved - a.take,
            version = s.version + 1, updated_at = now()
            from alloc a join locked k on k.location_id = a.location_id and k.sku = a.sku
            where s.tenant_id = $1 and s.location_id = a.location_id and s.sku = a.sku and a.take > 0
            returning s.location_id, s.sku, a.code, a.take, s.on_hand, s.reserved),
            ures as (update stock_reservation x set quantity = x.quantity - u.take, shipped = x.shipped + u.take
            from upd u where x.tenant_id = $1 and x.owner_id = $2 and x.location_id = u.location_id and x.sku = u.sku),
            led as (insert into stock_ledger (tenant_id, location_id, sku, kind, on_hand_delta, reserved_delta,
            on_hand_after, reserved_after, reason, ref_type, ref_id, actor)
            select $1, location_id, sku, 'SHIP', -take, -take, on_hand, reserved, $5, 'ORDER', $2, $6 from upd)
            select location_id, code, sku, take from upd order by sku, code""";

    /**
     * Ships from the owner's reservations (highest priority location first): on hand and reserved both go
     * down, one ledger row per location. Returns what was taken; less than asked means not enough reserved.
     */
    public Uni<List<Allocation>> ship(SqlClient tx, String tenant, UUID ownerId, List<StockLine> lines, String reason, String actor) {
        String[] skus = lines.stream().map(StockLine::sku).toArray(String[]::new);
        Long[] qty = lines.stream().map(StockLine::quantity).toArray(Long[]::new);
        return db.list(tx, SHIP,
                Tuple.from(new Object[]{tenant, ownerId, skus, qty, reason, actor}),
                r -> new Allocation(r.getUUID("location_id"), r.getString("code"), r.getString("sku"), r.getLong("take")));
    }

    private static final String RESERVATIONS_OF = """
            select r.owner_id, l.code, r.sku, r.quantity from stock_reservation r
            join stock_location l on l.tenant_id = r.tenant_id and l.id = r.location_id
            where r.tenant_id = $1 and r.owner_id = any($2) and r.quantity > 0 order by r.owner_id, r.sku, l.priority desc, l.code""";

    /** What each owner currently has reserved (quantity > 0), one statement for many owners. */
    public Uni<Map<UUID, List<ReservationView>>> reservationsOf(SqlClient client, String tenant, List<UUID> owners) {
        return db.query(client, RESERVATIONS_OF,
                Tuple.of(tenant, owners.toArray(new UUID[0]))).map(rows -> {
                    Map<UUID, List<ReservationView>> out = new HashMap<>();
                    for (Row r : rows) {
                        out.computeIfAbsent(r.getUUID("owner_id"), k -> new ArrayList<>())
                                .add(new ReservationView(r.getString("code"), r.getString("sku"), r.getLong("quantity")));
                    }
                    return out;
                });
    }
}
