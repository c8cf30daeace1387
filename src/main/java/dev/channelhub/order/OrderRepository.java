package dev.channelhub.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.customer.CustomerOrderFigures.ChannelFigures;
import dev.channelhub.customer.CustomerOrderFigures.OrderStats;
import dev.channelhub.customer.CustomerOrderFigures.RecentOrder;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

/** SQL for orders, their lines, shipments, payments and timeline. Every statement is scoped by tenant. */
@ApplicationScoped
public class OrderRepository {

    static final String COLUMNS = """
            id, number, channel_id, customer_id, status, payment_status, currency, total, paid, refunded, credited, shipping_address,
            note, external_ref, hold_id, cancel_reason, version, created_at, updated_at""";

    /**
     * {@code , e as (insert into order_event ...)}: the timeline events of parameter arrays {@code $types} (types) and
     * {@code $types+1} (details), in their order; %1$s the order id expression, %2$d types, %3$d actor, %4$d time,
     * %5$d details.
     */
    private static final String EVENTS_INSERT = """
            , e as (insert into order_event (tenant_id, order_id, type, actor, details, occurred_at)
            select $1, %1$s, t.type, $%3$d, t.details::jsonb, $%4$d
            from unnest($%2$d::varchar[], $%5$d::varchar[]) with ordinality as t(type, details, n) order by t.n)""";

    /** The order, its lines and its first timeline events in one statement ($27/$28 the events, $16 actor, $17 time). */
    private static final String INSERT = """
            with o as (insert into sales_order (tenant_id, id, number, channel_id, customer_id, origin_customer_id, status,
            payment_status, currency, total, paid, shipping_address, note, external_ref, idempotency_key, hold_id,
            created_by, version, created_at, updated_at, idempotency_caller)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $13, $14, $15, $16, 1, $17, $17,
            case when $14::varchar is null then null else $29::varchar end) returning id),
            l as (insert into order_line (tenant_id, order_id, line_no, sku, quantity, list_price, unit_price, line_total,
            price_list_code, promotion_code, floor_applied, unit_cost)
            select $1, (select id from o), t.n, t.sku, t.q, t.lp::numeric, t.up::numeric, t.lt::numeric, t.plc, t.pc, t.fa,
            -- the product's cost at placement, in this statement (docs/KPIS.md "Profitability")
            (select p.cost_price from product p where p.tenant_id = $1 and p.sku = t.sku and p.currency = $9)
            from unnest($18::int[], $19::varchar[], $20::int[], $21::varchar[], $22::varchar[], $23::varchar[],
            $24::varchar[], $25::varchar[], $26::boolean[]) as t(n, sku, q, lp, up, lt, plc, pc, fa))
            %s
            select 1""".formatted(eventsInsert("(select id from o)", 27, 16, 17));

    /** A state change of a locked order and its timeline events in one statement; answers the new header. */
    private static final String UPDATE = """
            with u as (update sales_order set status = $3, payment_status = $4, paid = paid + $5,
            cancel_reason = coalesce($6, cancel_reason), version = version + 1, updated_at = $7
            where tenant_id = $1 and id = $2 returning %s)
            %s
            select * from u""".formatted(COLUMNS, eventsInsert("$2", 9, 8, 7));

    @Inject
    Db db;

    @Inject
    ObjectMapper mapper;

    /** A timeline event to write: type and details (serialised to JSON). */
    public record Event(String type, Object details) {
    }

    /**
     * Takes the next {@code $3} numbers of the tenant's day counter at once and answers the last of them: numbers are
     * handed out in blocks ({@link OrderNumbers}), so most orders cost no counter statement. Unique per tenant and day
     * whatever the number of instances; numbers an instance did not use before the day ended or it stopped are gaps.
     */
    private static final String NEXT_NUMBERS = """
            insert into order_number (tenant_id, day, last) values ($1, $2, $3) on conflict (tenant_id, day)
            do update set last = order_number.last + $3 returning last""";

    /** Reserves the next {@code count} numbers of the tenant's day counter (autocommit); answers the last of them. */
    public Uni<Long> nextNumbers(String tenant, LocalDate day, int count) {
        return db.one(NEXT_NUMBERS,
                Tuple.of(tenant, day, count), r -> r.getLong("last")).map(Optional::orElseThrow);
    }

    /** The order, its lines and its first timeline events in one statement. */
    public Uni<Void> insert(SqlClient tx, String tenant, OrderView o, UUID originCustomer, String idempotencyCaller,
                            String idempotencyKey, String actor, List<Event> events) {
        int n = o.lines().size();
        Integer[] lineNo = new Integer[n];
        String[] sku = new String[n];
        Integer[] qty = new Integer[n];
        String[] listPrice = new String[n];
        String[] unitPrice = new String[n];
        String[] lineTotal = new String[n];
        String[] listCode = new String[n];
        String[] promo = new String[n];
        Boolean[] floor = new Boolean[n];
        for (int i = 0; i < n; i++) {
            OrderLineView l = o.lines().get(i);
            lineNo[i] = i + 1;
            sku[i] = l.sku();
            qty[i] = l.quantity();
            listPrice[i] = l.listPrice().toPlainString();
            unitPrice[i] = l.unitPrice().toPlainString();
            lineTotal[i] = l.lineTotal().toPlainString();
            listCode[i] = l.priceListCode();
            promo[i] = l.promotionCode();
            floor[i] = l.floorApplied();
        }
        OffsetDateTime at = o.createdAt().atOffset(ZoneOffset.UTC);
        return db.query(tx, INSERT, Tuple.from(new Object[]{tenant, o.uuid(), o.number(), UUID.fromString(o.channelId()),
                                o.customerId() == null ? null : UUID.fromString(o.customerId()), originCustomer, o.status().name(),
                                o.paymentStatus().name(), o.currency(), o.total(), json(o.shippingAddress()), o.note(), o.externalRef(),
                                idempotencyKey, o.holdId() == null ? null : UUID.fromString(o.holdId()), actor, at,
                                lineNo, sku, qty, listPrice, unitPrice, lineTotal, listCode, promo, floor,
                                types(events), details(events), idempotencyCaller}))
                .replaceWithVoid();
    }

    /** {@link #EVENTS_INSERT} for these parameter numbers. */
    private static String eventsInsert(String orderIdExpr, int typesParam, int actorParam, int atParam) {
        return EVENTS_INSERT.formatted(orderIdExpr, typesParam, actorParam, atParam, typesParam + 1);
    }

    private static final String FIND = """
            select %s from sales_order where tenant_id = $1 and id = $2""".formatted(COLUMNS);

    public Uni<Optional<OrderView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND, Tuple.of(tenant, id),
                this::toView);
    }

    private static final String FIND_BY_IDEMPOTENCY_KEY = """
            select %s from sales_order where tenant_id = $1 and idempotency_caller = $2
            and idempotency_key = $3""".formatted(COLUMNS);

    public Uni<Optional<OrderView>> findByIdempotencyKey(SqlClient client, String tenant, String caller, String key) {
        return db.one(client, FIND_BY_IDEMPOTENCY_KEY, Tuple.of(tenant, caller, key), this::toView);
    }

    private static final String LOCK = """
            select %s from sales_order where tenant_id = $1 and id = $2 for update""".formatted(COLUMNS);

    /** Locks the order row for a state change: every write path starts here, so they serialise per order. */
    public Uni<Optional<OrderView>> lock(SqlClient tx, String tenant, UUID id) {
        return db.one(tx, LOCK, Tuple.of(tenant, id),
                this::toView);
    }

    private static final String FIND_ALL = """
            select %s from sales_order where tenant_id = $1 and id = any($2)""".formatted(COLUMNS);

    private static final String LIST = """
            select %s from sales_order where tenant_id = $1""".formatted(COLUMNS);

    public Uni<List<OrderView>> findAll(SqlClient client, String tenant, List<UUID> ids) {
        return db.list(client, FIND_ALL,
                Tuple.of(tenant, ids.toArray(new UUID[0])), this::toView);
    }

    public Uni<List<OrderView>> list(SqlClient client, String tenant, UUID partnerChannel, OrderFilter f, UUID after, int fetch) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder sql = new StringBuilder(LIST);
        if (partnerChannel != null) {
            args.add(partnerChannel);
            sql.append(" and channel_id = $").append(args.size());
        }
        if (f.channelId() != null) {
            args.add(f.channelId());
            sql.append(" and channel_id = $").append(args.size());
        }
        if (f.customerId() != null) {
            args.add(f.customerId());
            sql.append(" and customer_id = $").append(args.size());
        }
        if (f.status() != null) {
            args.add(f.status().name());
            sql.append(" and status = $").append(args.size());
        }
        if (f.paymentStatus() != null) {
            args.add(f.paymentStatus().name());
            sql.append(" and payment_status = $").append(args.size());
        }
        if (f.from() != null) {
            args.add(f.from().atOffset(ZoneOffset.UTC));
            sql.append(" and created_at >= $").append(args.size());
        }
        if (f.to() != null) {
            args.add(f.to().atOffset(ZoneOffset.UTC));
            sql.append(" and created_at < $").append(args.size());
        }
        if (after != null) {
            args.add(after);
            sql.append(" and id > $").append(args.size());
        }
        args.add(fetch);
        sql.append(" order by id limit $").append(args.size());
        return db.list(client, sql.toString(), Tuple.from(args), this::toView);
    }

    private static final String BY_CUSTOMERS = """
            select * from (select %s, row_number() over (partition by customer_id order by id desc) as rn
            from sales_order where tenant_id = $1 and customer_id = any($2)
            and ($3::uuid is null or channel_id = $3) and ($4::uuid is null or id < $4)) x where rn <= $5 order by customer_id, id desc""".formatted(COLUMNS);

    /** Orders of many customers, newest first, at most {@code fetch} per customer before {@code before}; one statement. */
    public Uni<Map<UUID, List<OrderView>>> byCustomers(SqlClient client, String tenant, UUID partnerChannel, List<UUID> customers,
                                                       UUID before, int fetch) {
        return db.query(client, BY_CUSTOMERS,
                        Tuple.of(tenant, customers.toArray(new UUID[0]), partnerChannel, before, fetch))
                .map(rows -> {
                    Map<UUID, List<OrderView>> out = new HashMap<>();
                    for (Row r : rows) {
                        out.computeIfAbsent(r.getUUID("customer_id"), k -> new ArrayList<>()).add(toView(r));
                    }
                    return out;
                });
    }

    private static final String LINES = """
            select order_id, sku, quantity, list_price, unit_price, line_total, price_list_code, promotion_code,
            floor_applied, shipped, delivered, (select currency from sales_order o where o.tenant_id = l.tenant_id
            and o.id = l.order_id) as currency from order_line l where tenant_id = $1 and order_id = any($2) order by order_id, line_no""";

    public Uni<Map<UUID, List<OrderLineView>>> lines(SqlClient client, String tenant, List<UUID> orderIds) {
        return db.query(client, LINES,
                Tuple.of(tenant, orderIds.toArray(new UUID[0]))).map(rows -> {
                    Map<UUID, List<OrderLineView>> out = new HashMap<>();
                    for (Row r : rows) {
                        String cur = r.getString("currency");
                        out.computeIfAbsent(r.getUUID("order_id"), k -> new ArrayList<>()).add(new OrderLineView(r.getString("sku"),
                                r.getInteger("quantity"), Money.round(r.getBigDecimal("list_price"), cur),
                                Money.round(r.getBigDecimal("unit_price"), cur), Money.round(r.getBigDecimal("line_total"), cur),
                                r.getString("price_list_code"), r.getString("promotion_code"), r.getBoolean("floor_applied"),
                                r.getInteger("shipped"), r.getInteger("delivered")));
                    }
                    return out;
                });
    }

    /** Applies a state change to a locked order and appends its timeline events; returns the new header. */
    public Uni<OrderView> update(SqlClient tx, String tenant, UUID id, OrderStatus status, PaymentStatus payment, BigDecimal paidDelta,
                                 String cancelReason, Instant at, String actor, List<Event> events) {
        return db.query(tx, UPDATE, Tuple.from(new Object[]{tenant, id, status.name(), payment.name(), paidDelta, cancelReason,
                                at.atOffset(ZoneOffset.UTC), actor, types(events), details(events)}))
                .map(rows -> toView(rows.iterator().next()));
    }

    private static final String INSERT_SHIPMENT = """
            with s as (insert into order_shipment (tenant_id, id, order_id, status, carrier, tracking_no, created_by, shipped_at)
            values ($1, $2, $3, 'SHIPPED', $4, $5, $6, $7)),
            sl as (insert into order_shipment_line (tenant_id, shipment_id, order_id, sku, location_code, quantity)
            select $1, $2, $3, t.sku, t.loc, t.q from unnest($8::varchar[], $9::varchar[], $10::int[]) as t(sku, loc, q)),
            per_sku as (select t.sku, sum(t.q) as q from unnest($8::varchar[], $10::int[]) as t(sku, q) group by t.sku)
            update order_line l set shipped = l.shipped + p.q from per_sku p
            where l.tenant_id = $1 and l.order_id = $3 and l.sku = p.sku""";

    /** A shipment with its lines, and the order lines' shipped quantities, in one statement. */
    public Uni<Void> insertShipment(SqlClient tx, String tenant, UUID orderId, UUID shipmentId, String carrier, String trackingNo,
                                    String actor, Instant at, List<ShipmentLineView> lines) {
        String[] sku = lines.stream().map(ShipmentLineView::sku).toArray(String[]::new);
        String[] loc = lines.stream().map(ShipmentLineView::locationCode).toArray(String[]::new);
        Integer[] qty = lines.stream().map(ShipmentLineView::quantity).toArray(Integer[]::new);
        return db.query(tx, INSERT_SHIPMENT,
                        Tuple.from(new Object[]{tenant, shipmentId, orderId, carrier, trackingNo, actor, at.atOffset(ZoneOffset.UTC), sku, loc, qty}))
                .replaceWithVoid();
    }

    private static final String DELIVER_SHIPMENT = """
            with s as (update order_shipment set status = 'DELIVERED', delivered_at = $4
            where tenant_id = $1 and id = $2 and order_id = $3 and status = 'SHIPPED' returning id),
            q as (select sku, sum(quantity) as q from order_shipment_line where tenant_id = $1 and shipment_id = $2
            and exists (select 1 from s) group by sku),
            u as (update order_line l set delivered = l.delivered + q.q from q
            where l.tenant_id = $1 and l.order_id = $3 and l.sku = q.sku returning 1)
            select (select count(*) from s) as delivered, (select count(*) from u) as lines""";

    /** SHIPPED → DELIVERED for one shipment of the order, adding its quantities to the lines; false if it was not SHIPPED. */
    public Uni<Boolean> deliverShipment(SqlClient tx, String tenant, UUID orderId, UUID shipmentId, Instant at) {
        return db.query(tx, DELIVER_SHIPMENT,
                        Tuple.of(tenant, shipmentId, orderId, at.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong("delivered") == 1);
    }

    private static final String SHIPMENT_STATUS = """
            select status from order_shipment where tenant_id = $1 and id = $2 and order_id = $3""";

    public Uni<Optional<String>> shipmentStatus(SqlClient client, String tenant, UUID orderId, UUID shipmentId) {
        return db.one(client, SHIPMENT_STATUS,
                Tuple.of(tenant, shipmentId, orderId), r -> r.getString("status"));
    }

    private static final String SHIPMENTS = """
            select s.id, s.order_id, s.status, s.carrier, s.tracking_no, s.shipped_at, s.delivered_at,
            l.sku, l.location_code, l.quantity from order_shipment s
            join order_shipment_line l on l.tenant_id = s.tenant_id and l.shipment_id = s.id
            where s.tenant_id = $1 and s.order_id = any($2) order by s.order_id, s.id, l.sku, l.location_code""";

    public Uni<Map<UUID, List<ShipmentView>>> shipments(SqlClient client, String tenant, List<UUID> orderIds,
                                                        Map<UUID, OrderStatus> orderStatus) {
        return db.query(client, SHIPMENTS,
                Tuple.of(tenant, orderIds.toArray(new UUID[0]))).map(rows -> {
                    Map<UUID, Map<UUID, List<Row>>> grouped = new LinkedHashMap<>();
                    Map<UUID, Row> heads = new HashMap<>();
                    for (Row r : rows) {
                        UUID sid = r.getUUID("id");
                        heads.putIfAbsent(sid, r);
                        grouped.computeIfAbsent(r.getUUID("order_id"), k -> new LinkedHashMap<>())
                                .computeIfAbsent(sid, k -> new ArrayList<>()).add(r);
                    }
                    Map<UUID, List<ShipmentView>> out = new HashMap<>();
                    grouped.forEach((orderId, byShipment) -> {
                        List<ShipmentView> list = new ArrayList<>();
                        byShipment.forEach((sid, lineRows) -> {
                            Row h = heads.get(sid);
                            OffsetDateTime delivered = h.getOffsetDateTime("delivered_at");
                            list.add(new ShipmentView(sid.toString(), orderId.toString(), h.getString("status"), h.getString("carrier"),
                                    h.getString("tracking_no"), lineRows.stream().map(x -> new ShipmentLineView(x.getString("sku"),
                                    x.getInteger("quantity"), x.getString("location_code"))).toList(),
                                    h.getOffsetDateTime("shipped_at").toInstant(), delivered == null ? null : delivered.toInstant(),
                                    orderStatus.get(orderId)));
                        });
                        out.put(orderId, list);
                    });
                    return out;
                });
    }

    private static final String INSERT_PAYMENT = """
            insert into order_payment (tenant_id, id, order_id, amount, method, reference, received_at, created_by, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";

    public Uni<Void> insertPayment(SqlClient tx, String tenant, UUID orderId, UUID paymentId, PaymentRequest p, Instant receivedAt,
                                   String actor, Instant at) {
        return db.query(tx, INSERT_PAYMENT,
                        Tuple.from(new Object[]{tenant, paymentId, orderId, p.amount(), p.method(), p.reference(),
                                receivedAt.atOffset(ZoneOffset.UTC), actor, at.atOffset(ZoneOffset.UTC)}))
                .replaceWithVoid();
    }

    private static final String PAYMENTS = """
            select p.id, p.order_id, p.amount, p.method, p.reference, p.received_at, p.created_at, o.currency,
            o.payment_status, o.status, o.total - o.paid - o.credited as outstanding from order_payment p
            join sales_order o on o.tenant_id = p.tenant_id and o.id = p.order_id
            where p.tenant_id = $1 and p.order_id = any($2) order by p.order_id, p.id""";

    /** Payments per order (with the order's current figures), one statement. */
    public Uni<Map<UUID, List<PaymentView>>> payments(SqlClient client, String tenant, List<UUID> orderIds) {
        return db.query(client, PAYMENTS,
                Tuple.of(tenant, orderIds.toArray(new UUID[0]))).map(rows -> {
                    Map<UUID, List<PaymentView>> out = new HashMap<>();
                    for (Row r : rows) {
                        String cur = r.getString("currency");
                        out.computeIfAbsent(r.getUUID("order_id"), k -> new ArrayList<>()).add(new PaymentView(r.getUUID("id").toString(),
                                r.getUUID("order_id").toString(), Money.round(r.getBigDecimal("amount"), cur), cur, r.getString("method"),
                                r.getString("reference"), r.getOffsetDateTime("received_at").toInstant(),
                                r.getOffsetDateTime("created_at").toInstant(), PaymentStatus.valueOf(r.getString("payment_status")),
                                OrderStatus.valueOf(r.getString("status")), Money.round(r.getBigDecimal("outstanding"), cur)));
                    }
                    return out;
                });
    }

    private static final String TIMELINE = """
            select seq, type, actor, details, occurred_at from order_event where tenant_id = $1 and order_id = $2
            and ($3::bigint is null or seq > $3) order by seq limit $4""";

    public Uni<List<TimelineEntryView>> timeline(SqlClient client, String tenant, UUID orderId, Long afterSeq, int fetch) {
        return db.list(client, TIMELINE,
                Tuple.of(tenant, orderId, afterSeq, fetch), r -> {
                    Object d = r.getValue("details");
                    String json = d instanceof JsonObject jo ? jo.encode() : String.valueOf(d);
                    JsonNode node;
                    try {
                        node = mapper.readTree(json);
                    } catch (Exception e) {
                        node = mapper.createObjectNode();
                    }
                    return new TimelineEntryView(Long.toString(r.getLong("seq")), r.getString("type"),
                            r.getOffsetDateTime("occurred_at").toInstant(), r.getString("actor"), node, json);
                });
    }

    /**
     * What a channel owes and has on hold in {@code currency}, and which other currencies it has open amounts in
     * (comma-separated, null when none). Reads the inventory feature's hold values in the same statement, so the credit
     * check on the order path costs one statement.
     */
    private static final String EXPOSURE = """
            with open_orders as (
                select currency, sum(total - paid - credited) as due from sales_order
                where tenant_id = $1 and channel_id = $2 and status <> 'CANCELLED' and payment_status <> 'PAID'
                group by currency),
            active_holds as (
                select currency, sum(value) as held from stock_hold
                where tenant_id = $1 and channel_id = $2 and status = 'ACTIVE' and expires_at > now() and value is not null
                group by currency)
            select coalesce((select due from open_orders where currency = $3), 0) as due,
                   coalesce((select held from active_holds where currency = $3), 0) as held,
                   (select string_agg(distinct c, ',' order by c) from (
                        select currency as c from open_orders where currency <> $3 and due > 0
                        union select currency from active_holds where currency <> $3 and held > 0) f) as other_currencies""";

    public Uni<CreditExposure> exposure(SqlClient client, String tenant, UUID channelId, String currency) {
        return db.one(client, EXPOSURE, Tuple.of(tenant, channelId, currency),
                        r -> new CreditExposure(r.getBigDecimal("due"), r.getBigDecimal("held"), r.getString("other_currencies")))
                .map(Optional::orElseThrow);
    }

    private static final String RECEIVABLE_BUCKETS = """
            select currency, case
            when created_at > now() - make_interval(days => $3) then 'CURRENT'
            when created_at > now() - make_interval(days => $3 + 30) then '1-30'
            when created_at > now() - make_interval(days => $3 + 60) then '31-60'
            when created_at > now() - make_interval(days => $3 + 90) then '61-90'
            else '90+' end as bucket, count(*) as orders, sum(total - paid - credited) as amount
            from sales_order where tenant_id = $1 and channel_id = $2 and status <> 'CANCELLED' and payment_status <> 'PAID'
            group by 1, 2""";

    /** Open receivables of a channel by currency and age bucket (days since placement). */
    public Uni<List<Row>> receivableBuckets(SqlClient client, String tenant, UUID channelId, int termDays) {
        return db.list(client, RECEIVABLE_BUCKETS,
                Tuple.of(tenant, channelId, termDays), r -> r);
    }

    // ---- after-sales: refunds, the return window's start, timeline rows written by returns

    private static final String REFUND = """
            with u as (update sales_order set refunded = refunded + $3, credited = credited + $4, payment_status = $5, status = $6,
                           version = version + 1, updated_at = $7
                       where tenant_id = $1 and id = $2 returning %s),
            r as (insert into order_refund (tenant_id, id, order_id, channel_id, currency, amount, refunded, credited, method, reference,
                                            source_type, source_id, created_by, occurred_at)
                  select $1, $8, u.id, u.channel_id, u.currency, $3 + $4, $3, $4, $9, $10, $11, $12, $13, $7 from u),
            rl as (insert into order_refund_line (tenant_id, refund_id, sku, quantity, amount)
                   select $1, $8, t.sku, t.q, t.a::numeric from unnest($14::varchar[], $15::int[], $16::varchar[]) as t(sku, q, a)),
            e as (insert into order_event (tenant_id, order_id, type, actor, details, occurred_at)
                  select $1, $2, t.type, $13, t.details::jsonb, $7
                  from unnest($17::varchar[], $18::varchar[]) with ordinality as t(type, details, n) order by t.n)
            select * from u""".formatted(COLUMNS);

    /** A refund of a locked order: its money columns, the refund row with its lines and the timeline event, one statement. */
    public Uni<OrderView> refund(SqlClient tx, String tenant, UUID orderId, BigDecimal refunded, BigDecimal credited, PaymentStatus payment,
                                 OrderStatus status, Instant at, UUID refundId, String method, String reference, String sourceType,
                                 UUID sourceId, String actor, List<RefundLine> lines, List<Event> events) {
        return db.query(tx, REFUND, Tuple.from(new Object[]{tenant, orderId, refunded, credited, payment.name(), status.name(),
                        at.atOffset(ZoneOffset.UTC), refundId, method, reference, sourceType, sourceId, actor,
                        lines.stream().map(RefundLine::sku).toArray(String[]::new),
                        lines.stream().map(RefundLine::quantity).toArray(Integer[]::new),
                        lines.stream().map(l -> l.amount().toPlainString()).toArray(String[]::new),
                        types(events), details(events)}))
                .map(rows -> toView(rows.iterator().next()));
    }

    /** A refunded SKU of an order: units and money. */
    public record RefundLine(String sku, int quantity, BigDecimal amount) {
    }

    private static final String APPEND_EVENTS = """
            insert into order_event (tenant_id, order_id, type, actor, details, occurred_at)
            select $1, $2, t.type, $3, t.details::jsonb, $4
            from unnest($5::varchar[], $6::varchar[]) with ordinality as t(type, details, n) order by t.n""";

    public Uni<Void> appendEvents(SqlClient tx, String tenant, UUID orderId, String actor, Instant at, List<Event> events) {
        return db.query(tx, APPEND_EVENTS, Tuple.from(new Object[]{tenant, orderId, actor, at.atOffset(ZoneOffset.UTC), types(events),
                details(events)})).replaceWithVoid();
    }

    private static final String WINDOW_START = """
            select max(delivered_at) as delivered, max(shipped_at) as shipped from order_shipment where tenant_id = $1 and order_id = $2""";

    /** When the return window of an order starts: its last delivery, or its last shipment when nothing was delivered. */
    public Uni<Optional<Instant>> returnWindowStart(SqlClient client, String tenant, UUID orderId) {
        return db.one(client, WINDOW_START, Tuple.of(tenant, orderId), r -> {
            OffsetDateTime d = r.getOffsetDateTime("delivered");
            OffsetDateTime s = r.getOffsetDateTime("shipped");
            return Optional.ofNullable(d != null ? d.toInstant() : s == null ? null : s.toInstant());
        }).map(o -> o.flatMap(x -> x));
    }

    OrderView toView(Row r) {
        String cur = r.getString("currency");
        BigDecimal total = Money.round(r.getBigDecimal("total"), cur);
        BigDecimal paid = Money.round(r.getBigDecimal("paid"), cur);
        BigDecimal refunded = Money.round(r.getBigDecimal("refunded"), cur);
        BigDecimal credited = Money.round(r.getBigDecimal("credited"), cur);
        BigDecimal net = total.subtract(refunded).subtract(credited);
        UUID customer = r.getUUID("customer_id");
        UUID hold = r.getUUID("hold_id");
        Object address = r.getValue("shipping_address");
        ShippingAddress shipTo = null;
        if (address != null) {
            try {
                shipTo = mapper.readValue(address instanceof JsonObject jo ? jo.encode() : address.toString(), ShippingAddress.class);
            } catch (Exception e) {
                shipTo = null;
            }
        }
        return new OrderView(r.getUUID("id").toString(), r.getString("number"), r.getUUID("channel_id").toString(),
                customer == null ? null : customer.toString(), OrderStatus.valueOf(r.getString("status")),
                PaymentStatus.valueOf(r.getString("payment_status")), null, total, paid, net.subtract(paid.subtract(refunded)), refunded,
                credited, net, cur, null,
                shipTo, r.getString("note"), r.getString("external_ref"), hold == null ? null : hold.toString(),
                r.getString("cancel_reason"), r.getInteger("version"),
                r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant(), null);
    }

    private JsonObject json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new JsonObject(mapper.writeValueAsString(value));
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise", e);
        }
    }

    private static String[] types(List<Event> events) {
        return events.stream().map(Event::type).toArray(String[]::new);
    }

    private String[] details(List<Event> events) {
        String[] out = new String[events.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = mapper.writeValueAsString(events.get(i).details() == null ? Map.of() : events.get(i).details());
            } catch (Exception e) {
                throw new IllegalStateException("cannot serialise event details", e);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the order side of the customer 360° view

    /** Each customer's non-cancelled orders: count, revenue, first and last, main currency. */
    private static final String CUSTOMER_STATS = """
            select customer_id, count(*) as n, sum(total) as revenue, min(created_at) as first_at,
            max(created_at) as last_at, mode() within group (order by currency) as currency from sales_order
            where tenant_id = $1 and customer_id = any($2) and status <> 'CANCELLED' group by customer_id""";

    /** The same per customer and channel, in order of first purchase. */
    private static final String CUSTOMER_CHANNELS = """
            select customer_id, channel_id, count(*) as n, sum(total) as revenue, min(created_at) as first_at,
            max(created_at) as last_at, mode() within group (order by currency) as currency from sales_order
            where tenant_id = $1 and customer_id = any($2) and status <> 'CANCELLED'
            group by customer_id, channel_id order by customer_id, min(created_at)""";

    /** The newest $3 orders of each customer. */
    private static final String CUSTOMER_RECENT_ORDERS = """
            select * from (select customer_id, id, number, channel_id, status, payment_status, total, currency, created_at,
            row_number() over (partition by customer_id order by id desc) as rn from sales_order
            where tenant_id = $1 and customer_id = any($2)) x where rn <= $3 order by customer_id, id desc""";

    public Uni<Map<UUID, OrderStats>> customerStats(SqlClient client, String tenant, List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.query(client, CUSTOMER_STATS,
                Tuple.of(tenant, customerIds.toArray(new UUID[0]))).map(rows -> {
                    Map<UUID, OrderStats> out = new HashMap<>();
                    for (Row r : rows) {
                        String cur = r.getString("currency");
                        long n = r.getLong("n");
                        BigDecimal revenue = r.getBigDecimal("revenue");
                        out.put(r.getUUID("customer_id"), new OrderStats(n, Money.round(revenue, cur),
                                Money.round(revenue.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP), cur),
                                r.getOffsetDateTime("first_at").toInstant(), r.getOffsetDateTime("last_at").toInstant(), cur));
                    }
                    return out;
                });
    }

    public Uni<Map<UUID, List<ChannelFigures>>> customerChannels(SqlClient client, String tenant, List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.query(client, CUSTOMER_CHANNELS,
                Tuple.of(tenant, customerIds.toArray(new UUID[0]))).map(rows -> {
                    Map<UUID, List<ChannelFigures>> out = new HashMap<>();
                    for (Row r : rows) {
                        out.computeIfAbsent(r.getUUID("customer_id"), k -> new ArrayList<>()).add(new ChannelFigures(r.getUUID("channel_id"),
                                r.getLong("n"), Money.round(r.getBigDecimal("revenue"), r.getString("currency")),
                                r.getOffsetDateTime("first_at").toInstant(), r.getOffsetDateTime("last_at").toInstant()));
                    }
                    return out;
                });
    }

    public Uni<Map<UUID, List<RecentOrder>>> customerRecentOrders(SqlClient client, String tenant, List<UUID> customerIds, int limit) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.query(client, CUSTOMER_RECENT_ORDERS,
                Tuple.of(tenant, customerIds.toArray(new UUID[0]), limit)).map(rows -> {
                    Map<UUID, List<RecentOrder>> out = new HashMap<>();
                    for (Row r : rows) {
                        String cur = r.getString("currency");
                        out.computeIfAbsent(r.getUUID("customer_id"), k -> new ArrayList<>()).add(new RecentOrder(r.getUUID("id").toString(),
                                r.getString("number"), r.getUUID("channel_id").toString(), r.getString("status"), r.getString("payment_status"),
                                Money.round(r.getBigDecimal("total"), cur), cur, r.getOffsetDateTime("created_at").toInstant()));
                    }
                    return out;
                });
    }

    // ------------------------------------------------------------------ orders follow customer merges

    /** Merge: every order of the sources now belongs to the survivor. */
    private static final String FOLLOW_MERGE = """
            update sales_order set customer_id = $3, version = version + 1, updated_at = now()
             where tenant_id = $1 and customer_id = any($2)""";

    /** Unmerge: only the orders placed for the source ({@code origin_customer_id}) go back to it. */
    private static final String FOLLOW_UNMERGE = """
            update sales_order set customer_id = $2, version = version + 1, updated_at = now()
             where tenant_id = $1 and customer_id = $3 and origin_customer_id = $2""";

    public Uni<Void> followMerge(SqlClient tx, String tenant, List<UUID> sources, UUID survivor) {
        return db.query(tx, FOLLOW_MERGE, Tuple.of(tenant, sources.toArray(new UUID[0]), survivor)).replaceWithVoid();
    }

    public Uni<Void> followUnmerge(SqlClient tx, String tenant, UUID source, UUID survivor) {
        return db.query(tx, FOLLOW_UNMERGE, Tuple.of(tenant, source, survivor)).replaceWithVoid();
    }
}
