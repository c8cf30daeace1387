package dev.channelhub.aftersales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.TenantKey;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Returns: the header is {@link ReturnEntity} (written in a Hibernate Reactive session transaction); its lines and
 * timeline are set-based statements run on that session's connection ({@code shared/persistence/SessionConnection}), in
 * the same transaction. Reads (get, pages, GraphQL batches) are SQL on the pool: headers come with their lines in the
 * same statement (a return always has lines).
 */
@ApplicationScoped
public class ReturnRepository {

    private static final String HEAD = """
            r.id, r.number, r.order_id, r.channel_id, r.customer_id, r.status, r.currency, r.refund_total, r.note, r.reject_reason,
            r.location_code, r.refunded_amount, r.credited_amount, r.refund_method, r.refund_reference, r.created_at, r.updated_at,
            r.version""";

    private static final String LINES = """
            l.line_no, l.sku, l.quantity, l.reason, l.unit_price, l.received_quantity, l.disposition""";

    /** Headers with their lines; %%s the returns' source, then the condition, then the order. */
    private static final String WITH_LINES = """
            select %s, %s from %%s r
            join return_line l on l.tenant_id = r.tenant_id and l.return_id = r.id %%s order by %%s""".formatted(HEAD, LINES);

    private static final String NEXT_NUMBER = """
            insert into return_number (tenant_id, day, last) values ($1, $2, 1) on conflict (tenant_id, day)
            do update set last = return_number.last + 1 returning last""";

    /** The lines of a new return and its REQUESTED timeline row, after the header (ReturnEntity) is flushed. */
    private static final String INSERT_LINES = """
            with l as (insert into return_line (tenant_id, return_id, line_no, sku, quantity, reason, unit_price)
                       select $1, $2, t.n, t.sku, t.q, t.reason, t.price::numeric
                       from unnest($3::int[], $4::varchar[], $5::int[], $6::varchar[], $7::varchar[]) as t(n, sku, q, reason, price)),
            e as (insert into return_event (tenant_id, return_id, type, actor, details, occurred_at)
                  values ($1, $2, 'REQUESTED', $8, $9::varchar::jsonb, $10))
            select 1""";

    private static final String RETURNED_UNITS = """
            select l.sku, sum(l.quantity)::bigint as units from return_line l
            join return_order r on r.tenant_id = l.tenant_id and r.id = l.return_id
            where r.tenant_id = $1 and r.order_id = $2 and r.status <> 'REJECTED' group by l.sku""";

    /** A timeline row of a return. */
    private static final String EVENT = """
            insert into return_event (tenant_id, return_id, type, actor, details, occurred_at) values ($1, $2, $3, $4, $5::varchar::jsonb, $6)""";

    /** The received units and their disposition, per SKU of the request (lines not named keep 0 and no disposition). */
    private static final String RECEIVE_LINES = """
            update return_line l set received_quantity = t.q, disposition = t.d
            from unnest($3::varchar[], $4::int[], $5::varchar[]) as t(sku, q, d)
            where l.tenant_id = $1 and l.return_id = $2 and l.sku = t.sku""";

    private static final String LINES_OF = """
            select l.line_no, l.sku, l.quantity, l.reason, l.unit_price, l.received_quantity, l.disposition from return_line l
            where l.tenant_id = $1 and l.return_id = $2 order by l.line_no""";

    private static final String BY_ORDERS = """
            select r.order_id, r.id, r.number, r.status from return_order r
            where r.tenant_id = $1 and r.order_id = any($2) order by r.order_id, r.id""";

    private static final String TIMELINE = """
            select seq, type, actor, details, occurred_at from return_event where tenant_id = $1 and return_id = $2
            and ($3::bigint is null or seq > $3) order by seq limit $4""";

    private final Db db;
    private final ObjectMapper mapper;

    public ReturnRepository(Db db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    /** Next number of the tenant's day counter, in its own short statement (outside the return's transaction). */
    public Uni<Long> nextNumber(String tenant, LocalDate day) {
        return db.one(NEXT_NUMBER, Tuple.of(tenant, day), r -> r.getLong("last")).map(Optional::orElseThrow);
    }

    /** The header, locked ({@code for no key update}) in the session's transaction; null when there is none. */
    public Uni<ReturnEntity> lockEntity(String tenant, UUID id) {
        return ReturnEntity.<ReturnEntity>findById(TenantKey.of(tenant, id), LockModeType.PESSIMISTIC_WRITE);
    }

    /** The lines of a new return and its REQUESTED timeline row (after the header is flushed); one statement. */
    public Uni<Void> insertLines(SqlClient tx, String tenant, UUID id, List<LineRow> lines, String actor, Object details, Instant at) {
        int n = lines.size();
        Integer[] no = new Integer[n];
        String[] sku = new String[n];
        Integer[] qty = new Integer[n];
        String[] reason = new String[n];
        String[] price = new String[n];
        for (int i = 0; i < n; i++) {
            LineRow l = lines.get(i);
            no[i] = l.lineNo();
            sku[i] = l.sku();
            qty[i] = l.quantity();
            reason[i] = l.reason().name();
            price[i] = l.unitPrice().toPlainString();
        }
        return db.query(tx, INSERT_LINES, Tuple.from(new Object[]{tenant, id, no, sku, qty, reason, price, actor, json(details), utc(at)}))
                .replaceWithVoid();
    }

    /** A return's lines as stored, in line order. */
    public Uni<List<LineRow>> lines(SqlClient client, String tenant, UUID id) {
        return db.list(client, LINES_OF, Tuple.of(tenant, id), ReturnRepository::lineRow);
    }

    public Uni<Void> event(SqlClient tx, String tenant, UUID id, String type, String actor, Object details, Instant at) {
        return db.query(tx, EVENT, Tuple.from(new Object[]{tenant, id, type, actor, json(details), utc(at)})).replaceWithVoid();
    }

    /** Units per SKU of the order's returns that were not rejected. */
    public Uni<Map<String, Long>> returnedUnits(SqlClient tx, String tenant, UUID orderId) {
        return db.list(tx, RETURNED_UNITS, Tuple.of(tenant, orderId), r -> r).map(rows -> {
            Map<String, Long> out = new HashMap<>();
            rows.forEach(r -> out.put(r.getString("sku"), r.getLong("units")));
            return out;
        });
    }

    public Uni<Optional<ReturnView>> find(SqlClient client, String tenant, UUID id) {
        String sql = WITH_LINES.formatted("return_order", "where r.tenant_id = $1 and r.id = $2", "l.line_no");
        return db.query(client, sql, Tuple.of(tenant, id)).map(rows -> group(rows).stream().findFirst());
    }

    /** A page of returns with their lines in one statement: the page of headers is cut first, then joined to its lines. */
    public Uni<List<ReturnView>> list(SqlClient client, String tenant, UUID partnerChannel, ReturnFilter f, UUID after, int fetch) {
        String page = """
                (select * from return_order where tenant_id = $1 and ($2::uuid is null or channel_id = $2)
                 and ($3::varchar is null or status = $3) and ($4::uuid is null or channel_id = $4) and ($5::uuid is null or order_id = $5)
                 and ($6::uuid is null or id > $6) order by id limit $7)""";
        String sql = WITH_LINES.formatted(page, "", "r.id, l.line_no");
        return db.query(client, sql, Tuple.from(new Object[]{tenant, partnerChannel, f.status() == null ? null : f.status().name(),
                f.channelId(), f.orderId(), after, fetch})).map(ReturnRepository::group);
    }

    /** The returns of many orders with their lines, one statement; partners only their channel's. */
    public Uni<Map<UUID, List<ReturnView>>> ofOrders(SqlClient client, String tenant, UUID partnerChannel, List<UUID> orderIds) {
        String from = "(select * from return_order where tenant_id = $1 and order_id = any($2) and ($3::uuid is null or channel_id = $3))";
        String sql = WITH_LINES.formatted(from, "", "r.order_id, r.id, l.line_no");
        return db.query(client, sql, Tuple.of(tenant, orderIds.toArray(new UUID[0]), partnerChannel)).map(rows -> {
            Map<UUID, List<ReturnView>> out = new HashMap<>();
            for (ReturnView v : group(rows)) {
                out.computeIfAbsent(UUID.fromString(v.orderId()), k -> new ArrayList<>()).add(v);
            }
            return out;
        });
    }

    /** Id, number and status of the returns of many orders (for the order views), one statement. */
    public Uni<Map<UUID, List<Row>>> refsOfOrders(SqlClient client, String tenant, List<UUID> orderIds) {
        return db.list(client, BY_ORDERS, Tuple.of(tenant, orderIds.toArray(new UUID[0])), r -> r).map(rows -> {
            Map<UUID, List<Row>> out = new HashMap<>();
            rows.forEach(r -> out.computeIfAbsent(r.getUUID("order_id"), k -> new ArrayList<>()).add(r));
            return out;
        });
    }

    public Uni<Void> receiveLines(SqlClient tx, String tenant, UUID id, List<String> skus, List<Integer> quantities, List<String> dispositions) {
        return db.query(tx, RECEIVE_LINES, Tuple.from(new Object[]{tenant, id, skus.toArray(new String[0]), quantities.toArray(new Integer[0]),
                dispositions.toArray(new String[0])})).replaceWithVoid();
    }

    public Uni<List<AfterSalesEventView>> timeline(SqlClient client, String tenant, UUID id, Long afterSeq, int fetch) {
        return db.list(client, TIMELINE, Tuple.of(tenant, id, afterSeq, fetch), this::event);
    }

    AfterSalesEventView event(Row r) {
        Object d = r.getValue("details");
        String text = d instanceof JsonObject jo ? jo.encode() : String.valueOf(d);
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (Exception e) {
            node = mapper.createObjectNode();
        }
        return new AfterSalesEventView(Long.toString(r.getLong("seq")), r.getString("type"), r.getOffsetDateTime("occurred_at").toInstant(),
                r.getString("actor"), node, text);
    }

    String json(Object value) {
        try {
            return mapper.writeValueAsString(value == null ? Map.of() : value);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise event details", e);
        }
    }

    /** A stored line; its view's refund amount counts the received units once the return is RECEIVED or REFUNDED. */
    public record LineRow(int lineNo, String sku, int quantity, ReturnReason reason, BigDecimal unitPrice, int receivedQuantity,
                          Disposition disposition) {

        public ReturnLineView toView(ReturnStatus status, String currency) {
            BigDecimal price = Money.round(unitPrice, currency);
            boolean counted = status == ReturnStatus.RECEIVED || status == ReturnStatus.REFUNDED;
            return new ReturnLineView(sku, quantity, reason, price,
                    Money.round(price.multiply(BigDecimal.valueOf(counted ? receivedQuantity : quantity)), currency), receivedQuantity,
                    disposition);
        }
    }

    private static LineRow lineRow(Row r) {
        String disposition = r.getString("disposition");
        return new LineRow(r.getInteger("line_no"), r.getString("sku"), r.getInteger("quantity"), ReturnReason.valueOf(r.getString("reason")),
                r.getBigDecimal("unit_price"), r.getInteger("received_quantity"), disposition == null ? null : Disposition.valueOf(disposition));
    }

    private static List<ReturnView> group(RowSet<Row> rows) {
        Map<UUID, Row> heads = new LinkedHashMap<>();
        Map<UUID, List<ReturnLineView>> lines = new HashMap<>();
        for (Row r : rows) {
            UUID id = r.getUUID("id");
            heads.putIfAbsent(id, r);
            lines.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(lineRow(r).toView(ReturnStatus.valueOf(r.getString("status")), r.getString("currency")));
        }
        List<ReturnView> out = new ArrayList<>();
        heads.forEach((id, h) -> {
            String cur = h.getString("currency");
            UUID customer = h.getUUID("customer_id");
            BigDecimal refunded = h.getBigDecimal("refunded_amount");
            BigDecimal credited = h.getBigDecimal("credited_amount");
            out.add(new ReturnView(id.toString(), h.getString("number"), h.getUUID("order_id").toString(), h.getUUID("channel_id").toString(),
                    customer == null ? null : customer.toString(), ReturnStatus.valueOf(h.getString("status")), lines.get(id),
                    Money.round(h.getBigDecimal("refund_total"), cur), cur, h.getString("note"), h.getString("reject_reason"),
                    h.getString("location_code"), refunded == null ? null : Money.round(refunded, cur),
                    credited == null ? null : Money.round(credited, cur), h.getString("refund_method"), h.getString("refund_reference"),
                    h.getOffsetDateTime("created_at").toInstant(), h.getOffsetDateTime("updated_at").toInstant(), h.getInteger("version")));
        });
        return out;
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
