package dev.channelhub.analytics;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hand-computed data set of docs/KPIS.md "Worked example", placed through the API, then moved in time with SQL
 * (the API stamps "now") and the rollups rebuilt.
 *
 * Channels A (DISTRIBUTOR, EAST) and B (ONLINE_STORE, WEST); products P1 100.00 (TEA, floor 60.00), P2 50.00 (CUPS),
 * P3 10.00 (no category). Times in UTC, days in Asia/Shanghai (UTC+8):
 * <pre>
 * O1 A c1 P1x2 + P2x1 = 250  2026-03-31T15:59:59Z (03-31 23:59:59)  delivered 36 h later, paid 250
 * O2 A c1 P1x1        = 100  2026-03-31T16:00:00Z (04-01 00:00:00)  shipped, not delivered, unpaid
 * O3 A c2 P2x2        = 100  2026-03-31T01:00:00Z (03-31 09:00)     delivered 24 h later, paid 40
 * O4 A c3 P3x5        =  50  2026-03-31T02:00:00Z                   CANCELLED
 * O5 B c2 P1x1 + P3x2 = 120  2026-04-01T10:00:00Z (04-01 18:00)
 * O6 B -  P2x4        = 200  2026-03-30T16:00:00Z (03-31 00:00:00)
 * </pre>
 * Leads: 3 routed to A in the period, 2 accepted, 1 converted. NPS for A in the period: 10, 9, 7, 3 (one 0 outside).
 * Policies requiring acknowledgement that target A: 2, acknowledged 1.
 */
public final class AnalyticsFixture {

    final String tenant = Tokens.newTenant();
    final String admin = Tokens.token(tenant, "admin");
    final String manager = Tokens.token(tenant, "manager");
    final String sales = Tokens.token(tenant, "sales");
    final String a;
    final String b;
    final String partnerA;
    final Map<String, String> orders = new HashMap<>();
    List<String> rollupsBeforeRebuild;
    List<String> rollupsAfterRebuild;

    AnalyticsFixture(Db db) {
        a = channel("A", "DISTRIBUTOR", "EAST");
        Api.as(admin).body(Map.of("to", "ACTIVE")).post("/api/v1/channels/" + a + "/transition").then().statusCode(200);
        b = channel("B", "ONLINE_STORE", "WEST");
        partnerA = Tokens.partner(tenant, a);
        Api.as(admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE")).post("/api/v1/locations").then().statusCode(201);
        product("P1", "Green tea", "TEA", "60.00");
        product("P2", "Cup", "CUPS", null);
        product("P3", "Spoon", null, null);
        Api.as(admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries", List.of(
                        Map.of("sku", "P1", "price", "100.00"), Map.of("sku", "P2", "price", "50.00"), Map.of("sku", "P3", "price", "10.00"))))
                .post("/api/v1/price-lists").then().statusCode(201);
        for (String sku : List.of("P1", "P2", "P3")) {
            Api.as(admin).body(Map.of("onHand", 1000)).put("/api/v1/stock/WH/" + sku).then().statusCode(200);
        }

        orders.put("O1", place(a, "13800000001", "P1", 2, "P2", 1));
        orders.put("O2", place(a, "13800000001", "P1", 1));
        orders.put("O3", place(a, "13800000002", "P2", 2));
        orders.put("O4", place(a, "13800000003", "P3", 5));
        orders.put("O5", place(b, "13800000002", "P1", 1, "P3", 2));
        orders.put("O6", place(b, null, "P2", 4));
        Api.as(sales).body(Map.of("reason", "changed mind")).post("/api/v1/orders/" + orders.get("O4") + "/cancel").then().statusCode(200);

        for (String o : List.of("O1", "O2", "O3")) {
            Api.as(sales).post("/api/v1/orders/" + orders.get(o) + "/confirm").then().statusCode(200);
        }
        deliver(orders.get("O1"), ship(orders.get("O1"), "P1", 2, "P2", 1));
        deliver(orders.get("O3"), ship(orders.get("O3"), "P2", 2));
        ship(orders.get("O2"), "P1", 1);
        pay(orders.get("O1"), "250.00");
        pay(orders.get("O3"), "40.00");

        // leads: 3 routed to A, 2 accepted, 1 converted
        Api.as(manager).body(Map.of("priority", 10, "match", Map.of("regions", List.of("EAST")), "target", Map.of("channelId", a)))
                .post("/api/v1/lead-routing-rules").then().statusCode(201);
        List<String> leads = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            leads.add(Api.as(sales).body(Map.of("region", "EAST", "customer",
                            Map.of("identities", List.of(Map.of("kind", "PHONE", "value", "1390000000" + i)))))
                    .post("/api/v1/leads").then().statusCode(201).extract().path("id"));
        }
        Api.as(partnerA).post("/api/v1/leads/" + leads.get(0) + "/accept").then().statusCode(200);
        Api.as(partnerA).post("/api/v1/leads/" + leads.get(1) + "/accept").then().statusCode(200);
        Api.as(partnerA).body(Map.of()).post("/api/v1/leads/" + leads.get(0) + "/convert").then().statusCode(200);

        // NPS: 10, 9, 7, 3 in the period (moved there below), 0 stays today (outside); B's 0 is not A's
        for (int score : List.of(10, 9, 7, 3, 0)) {
            Api.as(sales).body(Map.of("channelId", a, "score", score)).post("/api/v1/surveys/nps").then().statusCode(201);
        }
        Api.as(sales).body(Map.of("channelId", b, "score", 0)).post("/api/v1/surveys/nps").then().statusCode(201);

        // policies requiring acknowledgement that target A: 2; A acknowledges one; one without acknowledgement
        String p1 = policy(Map.of("channelIds", List.of(a)), true);
        policy(Map.of(), true);
        policy(Map.of("channelIds", List.of(a)), false);
        Api.as(partnerA).post("/api/v1/policies/" + p1 + "/acknowledge").then().statusCode(200);

        rollupsBeforeRebuild = rollups(db, tenant);
        rebuild(db, tenant);
        rollupsAfterRebuild = rollups(db, tenant);

        // move everything into the worked example's period
        at(db, "O1", "2026-03-31T15:59:59Z", "2026-04-02T03:59:59Z");
        at(db, "O2", "2026-03-31T16:00:00Z", null);
        at(db, "O3", "2026-03-31T01:00:00Z", "2026-04-01T01:00:00Z");
        at(db, "O4", "2026-03-31T02:00:00Z", null);
        at(db, "O5", "2026-04-01T10:00:00Z", null);
        at(db, "O6", "2026-03-30T16:00:00Z", null);
        OffsetDateTime inPeriod = OffsetDateTime.parse("2026-04-01T02:00:00Z");
        sql(db, "update lead_assignment set assigned_at = $2 where tenant_id = $1", tenant, inPeriod);
        sql(db, "update lead set created_at = $2 where tenant_id = $1", tenant, inPeriod);
        sql(db, "update lead set closed_at = $2 where tenant_id = $1 and closed_at is not null", tenant, inPeriod);
        sql(db, "update nps_response set created_at = $2 where tenant_id = $1 and channel_id = $3 and score > 0", tenant, inPeriod,
                UUID.fromString(a));
        rebuild(db, tenant);
    }

    private String channel(String code, String type, String region) {
        return Api.as(admin).body(Map.of("code", code, "name", "Channel " + code, "type", type, "region", region))
                .post("/api/v1/channels").then().statusCode(201).extract().path("id");
    }

    private void product(String sku, String name, String category, String floor) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "name", name));
        if (category != null) {
            body.put("category", category);
        }
        if (floor != null) {
            body.put("floorPrice", floor);
        }
        Api.as(admin).body(body).post("/api/v1/products").then().statusCode(201);
    }

    private String place(String channel, String phone, Object... skuQty) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuQty.length; i += 2) {
            lines.add(Map.of("sku", skuQty[i], "quantity", skuQty[i + 1]));
        }
        Map<String, Object> body = new HashMap<>(Map.of("channelId", channel, "lines", lines));
        if (phone != null) {
            body.put("customer", Map.of("identities", List.of(Map.of("kind", "PHONE", "value", phone))));
        }
        return Api.as(sales).body(body).post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    private String ship(String order, Object... skuQty) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuQty.length; i += 2) {
            lines.add(Map.of("sku", skuQty[i], "quantity", skuQty[i + 1]));
        }
        return Api.as(sales).body(Map.of("lines", lines)).post("/api/v1/orders/" + order + "/shipments").then().statusCode(201)
                .extract().path("id");
    }

    private void deliver(String order, String shipment) {
        Api.as(sales).post("/api/v1/orders/" + order + "/shipments/" + shipment + "/deliver").then().statusCode(200);
    }

    private void pay(String order, String amount) {
        Api.as(sales).body(Map.of("amount", amount, "method", "BANK_TRANSFER")).post("/api/v1/orders/" + order + "/payments")
                .then().statusCode(201);
    }

    private String policy(Map<String, Object> audience, boolean ack) {
        return Api.as(manager).body(Map.of("title", "Terms", "kind", "PRICE_POLICY", "body", "Read me", "audience", audience,
                "requiresAcknowledgement", ack)).post("/api/v1/policies").then().statusCode(201).extract().path("id");
    }

    private void at(Db db, String order, String placed, String delivered) {
        UUID id = UUID.fromString(orders.get(order));
        sql(db, "update sales_order set created_at = $3 where tenant_id = $1 and id = $2", tenant, id, OffsetDateTime.parse(placed));
        if (delivered != null) {
            sql(db, "update order_event set occurred_at = $3 where tenant_id = $1 and order_id = $2 and type = 'DELIVERED'", tenant, id,
                    OffsetDateTime.parse(delivered));
        }
    }

    static void sql(Db db, String sql, Object... args) {
        db.query(sql, Tuple.from(args)).await().indefinitely();
    }

    static long rebuild(Db db, String tenant) {
        return db.one("select analytics_rebuild($1)", Tuple.of(tenant), r -> r.getLong(0)).await().indefinitely().orElseThrow();
    }

    /** Applies every committed order event to the rollups, as a report does before it reads (SalesRollupFeed). */
    public static void catchUp(Db db) {
        db.query("select analytics_apply_outbox('Asia/Shanghai', 100000, true)", Tuple.tuple()).await().indefinitely();
    }

    /** Every rollup row of the tenant as text, in key order, after applying what is pending (as a report does). */
    static List<String> rollups(Db db, String tenant) {
        catchUp(db);
        return rollupRows(db, tenant);
    }

    /** Every rollup row of the tenant as text, in key order, as it is now (nothing applied first). */
    public static List<String> rollupRows(Db db, String tenant) {
        return db.list("""
                        select dim, grain, channel_id, period, dim_key, currency, orders, units, revenue, cost from sales_rollup
                        where tenant_id = $1 order by dim, grain, channel_id, period, dim_key, currency""", Tuple.of(tenant),
                r -> r.getString("dim") + "|" + r.getString("grain") + "|" + r.getUUID("channel_id") + "|" + r.getLocalDate("period") + "|"
                        + r.getString("dim_key") + "|" + r.getString("currency") + "|" + r.getLong("orders") + "|" + r.getLong("units")
                        + "|" + r.getBigDecimal("revenue").stripTrailingZeros().toPlainString()
                        + "|" + r.getBigDecimal("cost").stripTrailingZeros().toPlainString())
                .await().indefinitely();
    }
}
