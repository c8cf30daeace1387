package dev.channelhub.inventory;

import dev.channelhub.inventory.StockRepository.Allocation;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The no-oversell rule, in one place: how an order or a hold reserves stock. A reservation is one statement that
 * allocates every line across the locations serving the channel (priority, then most available, then code), all or
 * nothing, and whose every update re-checks {@code on_hand - reserved >= take} on the locked row (a CHECK constraint
 * {@code reserved <= on_hand} backs it). Order placement ({@code order/OrderPlacementService}) and holds
 * ({@link HoldService}) reach it through {@link StockService#reserve}/{@link StockService#reservePlanned};
 * {@link StockRepository#reserve} runs the statements. Parameters: $1 tenant, $2 channel, $3 skus, $4 quantities,
 * $5 owner type, $6 owner id, $7 actor. Rows: {@code row_kind} 'R' (reserved at a location) or 'S' (a SKU short, with
 * what is available).
 */
public final class StockAllocator {

    private StockAllocator() {
    }

    /** The candidate rows: every location serving the channel that holds one of the SKUs. */
    static final String CANDIDATES = """
            from stock_level s join stock_location l on l.tenant_id = s.tenant_id and l.id = s.location_id
              where s.tenant_id = $1 and s.sku = any($3::varchar[]) and (l.channel_ids is null or $2::uuid = any(l.channel_ids))""";

    /**
     * The allocation over the CTE {@code locked} joined to {@code req}. Guarantee: nothing is written unless every SKU is
     * covered ({@code not exists (select 1 from short)}), and each row's update re-checks {@code on_hand - reserved >= take}.
     */
    static final String ALLOCATE = """
             alloc as (select k.location_id, k.code, k.sku,
              least(k.on_hand - k.reserved, greatest(0, r.qty - coalesce(sum(k.on_hand - k.reserved) over w, 0))) as take
              from locked k join req r on r.sku = k.sku
              window w as (partition by k.sku order by k.priority desc, k.on_hand - k.reserved desc, k.code
               rows between unbounded preceding and 1 preceding)),
             short as (select r.sku, coalesce(sum(k.on_hand - k.reserved), 0)::bigint as available
              from req r left join locked k on k.sku = r.sku group by r.sku, r.qty
              having coalesce(sum(k.on_hand - k.reserved), 0) < r.qty),
             upd as (update stock_level s set reserved = s.reserved + a.take, version = s.version + 1, updated_at = now()
              from alloc a where not exists (select 1 from short) and a.take > 0
              and s.tenant_id = $1 and s.location_id = a.location_id and s.sku = a.sku and s.on_hand - s.reserved >= a.take
              returning s.location_id, s.sku, a.code, a.take, s.on_hand, s.reserved),
             res as (insert into stock_reservation (tenant_id, owner_type, owner_id, location_id, sku, quantity)
              select $1, $5, $6, location_id, sku, take from upd
              on conflict (tenant_id, owner_id, location_id, sku) do update set quantity = stock_reservation.quantity + excluded.quantity),
             led as (insert into stock_ledger (tenant_id, location_id, sku, kind, on_hand_delta, reserved_delta,
              on_hand_after, reserved_after, ref_type, ref_id, actor)
              select $1, location_id, sku, 'RESERVE', 0, take, on_hand, reserved, $5, $6, $7 from upd)
             select 'R' as row_kind, location_id, code, sku, take as quantity from upd
             union all select 'S', null, null, sku, available from short""";

    /**
     * Plans on the statement's snapshot, locks only the planned rows and allocates on their current values (usually one row
     * per SKU). Guarantee: never oversells; if the locked rows no longer cover every line it writes nothing (→ {@link Replan}).
     */
    public static final String RESERVE_PLANNED = """
            with req as (select * from unnest($3::varchar[], $4::bigint[]) as t(sku, qty)),
             cand as (select s.location_id, s.sku, s.on_hand - s.reserved as avail, l.priority, l.code\s""" + CANDIDATES + """
            ),
             plan as (select location_id, sku from (select c.location_id, c.sku, c.avail,
              r.qty - coalesce(sum(c.avail) over w, 0) as still_needed from cand c join req r on r.sku = c.sku
              window w as (partition by c.sku order by c.priority desc, c.avail desc, c.code
               rows between unbounded preceding and 1 preceding)) x where still_needed > 0 and avail > 0),
             locked as (select s.location_id, s.sku, s.on_hand, s.reserved, l.priority, l.code
              from stock_level s join stock_location l on l.tenant_id = s.tenant_id and l.id = s.location_id
              join plan p on p.location_id = s.location_id and p.sku = s.sku where s.tenant_id = $1
              order by s.location_id, s.sku for update of s),""" + ALLOCATE;

    /**
     * The definitive answer. Guarantee: every candidate row is locked in (location_id, sku) order, so concurrent
     * reservations queue instead of deadlocking, and the allocation is all or nothing (a short SKU comes back as 'S').
     */
    public static final String RESERVE_ALL = """
            with req as (select * from unnest($3::varchar[], $4::bigint[]) as t(sku, qty)),
             locked as (select s.location_id, s.sku, s.on_hand, s.reserved, l.priority, l.code\s""" + CANDIDATES + """

              order by s.location_id, s.sku for update of s),""" + ALLOCATE;

    /** The outcome of a reservation attempt: what was reserved, or the SKUs that cannot be served in full. */
    public record ReserveResult(List<Allocation> reserved, Map<String, Long> shortAvailable) {
    }

    /** The statement for an attempt: planned first (cheaper), all rows locked after a {@link Replan}. */
    static String statement(boolean planned) {
        return planned ? RESERVE_PLANNED : RESERVE_ALL;
    }

    /** Reads the statement's rows; a planned attempt that came up short must be retried with every row locked. */
    static ReserveResult result(RowSet<Row> rows, boolean planned) {
        List<Allocation> reserved = new ArrayList<>();
        Map<String, Long> shortAvailable = new HashMap<>();
        for (Row r : rows) {
            if ("S".equals(r.getString("row_kind"))) {
                shortAvailable.put(r.getString("sku"), r.getLong("quantity"));
            } else {
                reserved.add(new Allocation(r.getUUID("location_id"), r.getString("code"), r.getString("sku"), r.getLong("quantity")));
            }
        }
        if (planned && !shortAvailable.isEmpty()) {
            throw new Replan();
        }
        return new ReserveResult(reserved, shortAvailable);
    }
}
