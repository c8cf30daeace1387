package dev.channelhub.sellthrough;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sell-through (API-CONTRACT-2 §9) on a hand-computed set placed through the API (docs/KPIS.md "Sell-through").
 * T = today in the tenant zone (Asia/Shanghai); the period is T-9..T (10 days).
 * <pre>
 * Sell-in of D (its own purchases, shipped in the period):
 *   O1 D (no customer) S1x10 + S2x4, shipped in full          S1 10, S2 4
 *   O2 D (no customer) S1x5, shipped S1x2                      S1 2
 *   O3 D with a customer S1x7, shipped                         not sell-in (a customer's order)
 *   O4 E (no customer) S1x9, shipped                           not D's
 *   O5 D (no customer) S3x6, shipped 40 days ago               outside the period
 * Sell-out reported by D:   S1: T 1, T-1 3 (sent twice with one key), T-9 2, T-10 4 (outside); S2: T-2 1; S4: T-3 2
 * Stock reports of D:       T-20 {S1 50, S2 7}; T-2 {S1 100, S4 1} replaced by T-2 {S1 9, S3 6}
 *
 * sku  sellIn sellOut stock  reportedAt  rate    daysOfInventory     stuffingRisk (0.3 / 0.6)
 * S1   12     6       9      T-2         0.5000  9 x 10 / 6 = 15.0   false / true
 * S2   4      1       7      T-20        0.2500  7 x 10 / 1 = 70.0   true  / true
 * S3   0      0       6      T-2         null    null                false
 * S4   0      2       null   null        null    null                false
 * Scorecard sellThroughRate = (6 + 1 + 2) / (12 + 4) = 0.5625
 * </pre>
 */
@QuarkusTest
class SellThroughApiTest {

    @Inject
    Db db;

    final String tenant = Tokens.newTenant();
    final String admin = Tokens.token(tenant, "admin");
    final String manager = Tokens.token(tenant, "manager");
    final String sales = Tokens.token(tenant, "sales");
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    String d;
    String e;
    String partnerD;
    String partnerE;

    private void base() {
        d = channel("D");
        e = channel("E");
        partnerD = Tokens.partner(tenant, d);
        partnerE = Tokens.partner(tenant, e);
        Api.as(admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE")).post("/api/v1/locations").then().statusCode(201);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String sku : List.of("S1", "S2", "S3", "S4")) {
            Api.as(admin).body(Map.of("sku", sku, "name", "Product " + sku)).post("/api/v1/products").then().statusCode(201);
            Api.as(admin).body(Map.of("onHand", 1000)).put("/api/v1/stock/WH/" + sku).then().statusCode(200);
            entries.add(Map.of("sku", sku, "price", "10.00"));
        }
        Api.as(admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries", entries))
                .post("/api/v1/price-lists").then().statusCode(201);
    }

    private void handComputedSet() {
        base();
        String o1 = place(d, null, "S1", 10, "S2", 4);
        ship(o1, "S1", 10, "S2", 4);
        String o2 = place(d, null, "S1", 5);
        ship(o2, "S1", 2);
        String o3 = place(d, "13800000001", "S1", 7);
        ship(o3, "S1", 7);
        String o4 = place(e, null, "S1", 9);
        ship(o4, "S1", 9);
        String o5 = place(d, null, "S3", 6);
        ship(o5, "S3", 6);
        sql("update order_shipment set shipped_at = $3 where tenant_id = $1 and order_id = $2", tenant, UUID.fromString(o5),
                OffsetDateTime.now().minusDays(40));

        sellOut(partnerD, "k-1", line("S1", 0, 1), line("S1", 9, 2), line("S1", 10, 4), line("S2", 2, 1), line("S4", 3, 2))
                .then().statusCode(201).body("lines", equalTo(5)).body("units", equalTo(10));
        sellOut(partnerD, "k-2", line("S1", 1, 3)).then().statusCode(201);
        stock(partnerD, 20, Map.of("S1", 50, "S2", 7)).then().statusCode(200);
        stock(partnerD, 2, Map.of("S1", 100, "S4", 1)).then().statusCode(200);
        stock(partnerD, 2, Map.of("S3", 6, "S1", 9)).then().statusCode(200)
                .body("lines.sku", equalTo(List.of("S1", "S3"))).body("lines.quantity", equalTo(List.of(9, 6)));
    }

    @Test
    void exactSellThroughFiguresOnTheHandComputedSet() {
        handComputedSet();
        JsonPath page = inventory(manager, d).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("S1", "S2", "S3", "S4"), page.getList("items.sku"));
        assertRow(page, 0, 12, 6, 9, date(2), "15.0", "0.5000", false);
        assertRow(page, 1, 4, 1, 7, date(20), "70.0", "0.2500", true);
        assertRow(page, 2, 0, 0, 6, date(2), null, null, false);
        assertRow(page, 3, 0, 2, null, null, null, null, false);

        // The partner sees the same figures for its own channel, by default and when it names it.
        assertEquals(page.getList("items"), inventory(partnerD, null).then().statusCode(200).extract().jsonPath().getList("items"));
        assertEquals(page.getList("items"), inventory(partnerD, d).then().statusCode(200).extract().jsonPath().getList("items"));

        // The threshold is the tenant's setting: at 0.6, S1 (0.5) is at risk too.
        Api.as(manager).body(Map.of("stuffingThreshold", "0.6")).patch("/api/v1/settings").then().statusCode(200)
                .body("stuffingThreshold", equalTo("0.6"));
        inventory(manager, d).then().statusCode(200).body("items.stuffingRisk", equalTo(List.of(true, true, false, false)));

        // A period with whole months reads them from the monthly aggregate and its edge days from the daily one.
        Api.as(manager).get("/api/v1/analytics/channel-inventory?channelId=" + d + "&from=" + date(70) + "&to=" + date(0)).then()
                .statusCode(200).body("items.sku", equalTo(List.of("S1", "S2", "S3", "S4"))).body("items.sellOut", equalTo(List.of(10, 1, 0, 2)));

        // Paged by SKU.
        Api.as(manager).get(path(d) + "&limit=3").then().statusCode(200).body("items.sku", equalTo(List.of("S1", "S2", "S3")))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());

        // GraphQL: the same figures through the same service.
        Api.graphql(manager, "query($c: ID, $f: String, $t: String) { channelInventory(channelId: $c, from: $f, to: $t) { edges { node {"
                        + " sku sellIn sellOut reportedStock reportedAt daysOfInventory sellThroughRate stuffingRisk } } } }",
                        Map.of("c", d, "f", date(9), "t", date(0))).then().statusCode(200)
                .body("errors", nullValue())
                .body("data.channelInventory.edges.node.sku", equalTo(List.of("S1", "S2", "S3", "S4")))
                .body("data.channelInventory.edges.node.sellIn", equalTo(List.of(12, 4, 0, 0)))
                .body("data.channelInventory.edges.node.sellThroughRate", equalTo(java.util.Arrays.asList("0.5000", "0.2500", null, null)))
                .body("data.channelInventory.edges.node.daysOfInventory", equalTo(java.util.Arrays.asList("15.0", "70.0", null, null)));

        // The scorecard: (6 + 1 + 2) / (12 + 4).
        Api.as(manager).get("/api/v1/analytics/channels/" + d + "/scorecard?from=" + date(9) + "&to=" + date(0)).then().statusCode(200)
                .body("sellThroughRate", equalTo("0.5625"));
        Api.graphql(partnerD, "{ channelScorecard(channelId: \"" + d + "\", from: \"" + date(9) + "\", to: \"" + date(0)
                + "\") { sellThroughRate } }").then().body("data.channelScorecard.sellThroughRate", equalTo("0.5625"));
        // E had sell-in (O4) and reported nothing.
        Api.as(manager).get("/api/v1/analytics/channels/" + e + "/scorecard?from=" + date(9) + "&to=" + date(0)).then().statusCode(200)
                .body("sellThroughRate", equalTo("0.0000"));
    }

    @Test
    void theSameIdempotencyKeyRecordsOneSetOfLines() {
        base();
        var first = sellOut(partnerD, "same", line("S1", 1, 3), line("S2", 1, 2)).then().statusCode(201).extract();
        var again = sellOut(partnerD, "same", line("S1", 1, 3), line("S2", 1, 2)).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertEquals(first.path("id").toString(), again.path("id").toString());
        assertEquals(2L, count("select count(*) from sell_out_line where tenant_id = $1"));
        assertEquals(1L, count("select count(*) from event_outbox where tenant_id = $1 and type = 'sellOut.reported'"));
        inventory(manager, d).then().body("items.sellOut", equalTo(List.of(3, 2)));
        // The same key with another body is a reuse; the same key of another caller is another key.
        sellOut(partnerD, "same", line("S1", 1, 4)).then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        sellOut(sales, "same", line("S1", 1, 3), line("S2", 1, 2)).then().statusCode(201);
        assertEquals(4L, count("select count(*) from sell_out_line where tenant_id = $1"));
        // GraphQL takes the key as an argument.
        String doc = "mutation($c: ID!) { reportSellOut(channelId: $c, idempotencyKey: \"g\", input: {lines: [{sku: \"S4\", date: \""
                + date(0) + "\", quantity: 5}]}) { id lines units } }";
        String id1 = Api.graphql(partnerD, doc, Map.of("c", d)).then().body("data.reportSellOut.units", equalTo(5)).extract()
                .path("data.reportSellOut.id");
        String id2 = Api.graphql(partnerD, doc, Map.of("c", d)).then().extract().path("data.reportSellOut.id");
        assertEquals(id1, id2);
        assertEquals(5L, count("select count(*) from sell_out_line where tenant_id = $1"));
        // The event says what was reported, for the reporting channel.
        List<String> payload = db.list("select payload->>'units' as units, channel_id from event_outbox where tenant_id = $1"
                        + " and type = 'sellOut.reported' and aggregate_id = $2", Tuple.of(tenant, UUID.fromString(id1)),
                r -> r.getString("units") + "|" + r.getUUID("channel_id")).await().indefinitely();
        assertEquals(List.of("5|" + d), payload);
    }

    @Test
    void unknownSkusAreListedByLineAndNothingIsRecorded() {
        base();
        sellOut(partnerD, null, line("S1", 1, 1), line("NOPE", 1, 1), line("S2", 1, 1), line("GONE", 2, 1)).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("lines[1].sku", "lines[3].sku")));
        Api.graphql(partnerD, "mutation { reportSellOut(channelId: \"" + d + "\", input: {lines: [{sku: \"NOPE\", date: \"" + date(0)
                + "\", quantity: 1}]}) { id } }").then().body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
        stock(partnerD, 1, Map.of("S1", 1, "NOPE", 2)).then().statusCode(400).body("errors.field", hasSize(1));
        assertEquals(0L, count("select count(*) from sell_out_line where tenant_id = $1"));
        assertEquals(0L, count("select count(*) from sell_out_daily where tenant_id = $1"));
        assertEquals(0L, count("select count(*) from stock_report_line where tenant_id = $1"));
        assertEquals(0L, count("select count(*) from event_outbox where tenant_id = $1 and type in ('sellOut.reported', 'stockReport.reported')"));
    }

    @Test
    @InvalidRequests("bad dates, quantities, customers and SKUs given twice, to see 400")
    void badInputIsRejectedAndChangesNothing() {
        base();
        Map<String, Object> zero = line("S1", 1, 0);
        sellOut(partnerD, null, zero).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Map<String, Object> future = line("S1", -5, 1);
        sellOut(partnerD, null, future).then().statusCode(400).body("errors[0].field", equalTo("lines[0].date"));
        Map<String, Object> stranger = new HashMap<>(line("S1", 1, 1));
        stranger.put("customerId", UUID.randomUUID().toString());
        sellOut(partnerD, null, stranger).then().statusCode(400).body("errors[0].field", equalTo("lines[0].customerId"));
        Api.as(partnerD).body(Map.of("lines", List.of())).post("/api/v1/channels/" + d + "/sell-out").then().statusCode(400);
        Api.as(partnerD).body(Map.of("lines", List.of(Map.of("sku", "S1", "quantity", 1), Map.of("sku", "S1", "quantity", 2))))
                .put("/api/v1/channels/" + d + "/stock-reports/" + date(0)).then().statusCode(400)
                .body("errors[0].field", equalTo("lines[1].sku"));
        Api.as(partnerD).body(Map.of("lines", List.of(Map.of("sku", "S1", "quantity", 1))))
                .put("/api/v1/channels/" + d + "/stock-reports/yesterday").then().statusCode(400).body("errors[0].field", equalTo("date"));
        Api.as(manager).get("/api/v1/analytics/channel-inventory").then().statusCode(400).body("errors[0].field", equalTo("channelId"));
        Api.as(manager).body(Map.of("stuffingThreshold", "1.5")).patch("/api/v1/settings").then().statusCode(400);
        assertEquals(0L, count("select count(*) from sell_out_line where tenant_id = $1"));
        assertEquals(0L, count("select count(*) from stock_report_line where tenant_id = $1"));
        // A known customer is kept with its line.
        String customer = Api.as(sales).body(Map.of("channelId", d, "identities",
                        List.of(Map.of("kind", "PHONE", "value", "13900000009")))).post("/api/v1/customers/identify").then().statusCode(201)
                .extract().path("customer.id");
        Map<String, Object> known = new HashMap<>(line("S1", 1, 1));
        known.put("customerId", customer);
        sellOut(partnerD, null, known).then().statusCode(201);
        assertEquals(1L, count("select count(*) from sell_out_line where tenant_id = $1 and customer_id is not null"));
    }

    @Test
    void aPartnerReportsAndReadsOnlyItsOwnChannel() {
        base();
        String other = Tokens.token(Tokens.newTenant(), "admin");
        // another partner: 404 on every new operation, REST and GraphQL
        sellOut(partnerE, null, line("S1", 1, 1)).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        stock(partnerE, 1, Map.of("S1", 1)).then().statusCode(404);
        inventory(partnerE, d).then().statusCode(404);
        Api.graphql(partnerE, "mutation { reportSellOut(channelId: \"" + d + "\", input: {lines: [{sku: \"S1\", date: \"" + date(1)
                + "\", quantity: 1}]}) { id } }").then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(partnerE, "mutation { reportStock(channelId: \"" + d + "\", date: \"" + date(1)
                + "\", input: {lines: [{sku: \"S1\", quantity: 1}]}) { date } }").then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(partnerE, "{ channelInventory(channelId: \"" + d + "\") { edges { node { sku } } } }").then()
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        // another tenant: 404
        sellOut(other, null, line("S1", 1, 1)).then().statusCode(404);
        stock(other, 1, Map.of("S1", 1)).then().statusCode(404);
        inventory(other, d).then().statusCode(404);
        // no token: 401; a role that may not: 403
        Api.as(null).body(Map.of("lines", List.of(line("S1", 1, 1)))).post("/api/v1/channels/" + d + "/sell-out").then().statusCode(401);
        inventory(sales, d).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        inventory(Tokens.token(tenant, "integration"), d).then().statusCode(403);
        assertEquals(0L, count("select count(*) from sell_out_line where tenant_id = $1"));
        assertEquals(0L, count("select count(*) from stock_report_line where tenant_id = $1"));
        // the partner's own channel works, and E's report shows nothing of D's
        sellOut(partnerD, null, line("S1", 1, 4)).then().statusCode(201);
        stock(partnerD, 1, Map.of("S1", 3)).then().statusCode(200);
        inventory(partnerE, null).then().statusCode(200).body("items", hasSize(0));
        inventory(partnerD, null).then().statusCode(200).body("items.sellOut", equalTo(List.of(4)));
        // HQ reports for any channel
        sellOut(sales, null, line("S2", 1, 1)).then().statusCode(201);
        stock(manager, 1, Map.of("S2", 5)).then().statusCode(200);
    }


    @Test
    @InvalidRequests("a partner uploading a kind it may not, to see 403")
    void bulkSellOutImportReportsBadRowsByLine() {
        base();
        String ndjson = String.join("\n",
                row(null, "S1", 1, 1),                                   // line 1 ok
                row(null, "NOPE", 1, 1),                                 // line 2 unknown SKU
                row(null, "S1", 1, 0),                                   // line 3 quantity 0
                "not json",                                              // line 4
                row(e, "S2", 1, 1),                                      // line 5 another partner's channel
                "",                                                      // line 6 blank
                row(d, "S2", 2, 3));                                     // line 7 ok
        String job = upload(partnerD, "application/x-ndjson", ndjson);
        JsonPath done = awaitDone(partnerD, job);
        assertEquals("COMPLETED", done.getString("status"));
        assertEquals(6, done.getInt("processed"));
        assertEquals(2, done.getInt("succeeded"));
        assertEquals(4, done.getInt("failed"));
        assertEquals(List.of(2, 3, 4, 5), done.getList("errors.line"));
        assertEquals(List.of("VALIDATION_FAILED", "VALIDATION_FAILED", "VALIDATION_FAILED", "NOT_FOUND"), done.getList("errors.code"));
        assertEquals(java.util.Arrays.asList("sku", "quantity", "row", null), done.getList("errors.field"));

        // An integration uploads CSV for any channel; a row without channelId names it.
        String csv = "channelId,sku,date,quantity,customerId\n" + d + ",S1," + date(0) + ",2,\n" + ",S1," + date(0) + ",1,\n";
        JsonPath csvDone = awaitDone(admin, upload(Tokens.token(tenant, "integration"), "text/csv", csv));
        assertEquals(1, csvDone.getInt("succeeded"));
        assertEquals(List.of(3), csvDone.getList("errors.line"));
        assertEquals(List.of("channelId"), csvDone.getList("errors.field"));

        inventory(manager, d).then().body("items.sku", equalTo(List.of("S1", "S2"))).body("items.sellOut", equalTo(List.of(3, 3)));
        assertEquals(3L, count("select count(*) from event_outbox where tenant_id = $1 and type = 'sellOut.reported'"));

        // A partner sees its own uploads only; other kinds stay closed to it.
        Api.as(partnerE).get("/api/v1/imports/jobs/" + job).then().statusCode(404);
        Api.as(partnerE).get("/api/v1/imports").then().statusCode(200).body("items", hasSize(0));
        Api.as(partnerD).get("/api/v1/imports").then().statusCode(200).body("items.id", equalTo(List.of(job)));
        Api.as(manager).get("/api/v1/imports").then().statusCode(200).body("items", hasSize(2));
        Api.graphql(partnerE, "{ importJob(id: \"" + job + "\") { id } }").then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        uploadResponse(partnerD, "application/x-ndjson", "{\"sku\":\"X\",\"name\":\"x\"}", "products").then().statusCode(403);
        uploadResponse(sales, "application/x-ndjson", row(d, "S1", 1, 1), "sell-out").then().statusCode(403);
    }

    // ------------------------------------------------------------------ helpers

    private String channel(String code) {
        String id = Api.as(admin).body(Map.of("code", code, "name", "Channel " + code, "type", "DISTRIBUTOR"))
                .post("/api/v1/channels").then().statusCode(201).extract().path("id");
        Api.as(admin).body(Map.of("to", "ACTIVE")).post("/api/v1/channels/" + id + "/transition").then().statusCode(200);
        return id;
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
        String id = Api.as(sales).body(body).post("/api/v1/orders").then().statusCode(201).extract().path("id");
        Api.as(sales).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        return id;
    }

    private void ship(String order, Object... skuQty) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuQty.length; i += 2) {
            lines.add(Map.of("sku", skuQty[i], "quantity", skuQty[i + 1]));
        }
        Api.as(sales).body(Map.of("lines", lines)).post("/api/v1/orders/" + order + "/shipments").then().statusCode(201);
    }

    private String date(int daysAgo) {
        return today.minusDays(daysAgo).toString();
    }

    private Map<String, Object> line(String sku, int daysAgo, int quantity) {
        return Map.of("sku", sku, "date", date(daysAgo), "quantity", quantity);
    }

    @SafeVarargs
    private io.restassured.response.Response sellOut(String token, String key, Map<String, Object>... lines) {
        var spec = Api.as(token).body(Map.of("lines", List.of(lines)));
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.post("/api/v1/channels/" + d + "/sell-out");
    }

    private io.restassured.response.Response stock(String token, int daysAgo, Map<String, Integer> quantities) {
        List<Map<String, Object>> lines = new ArrayList<>();
        quantities.forEach((sku, q) -> lines.add(Map.of("sku", sku, "quantity", q)));
        return Api.as(token).body(Map.of("lines", lines)).put("/api/v1/channels/" + d + "/stock-reports/" + date(daysAgo));
    }

    private String path(String channel) {
        return "/api/v1/analytics/channel-inventory?from=" + date(9) + "&to=" + date(0) + (channel == null ? "" : "&channelId=" + channel);
    }

    private io.restassured.response.Response inventory(String token, String channel) {
        return Api.as(token).get(path(channel));
    }

    private static void assertRow(JsonPath page, int i, int sellIn, int sellOut, Integer stock, String reportedAt, String doi, String rate,
                                  boolean risk) {
        String p = "items[" + i + "].";
        String sku = page.getString(p + "sku");
        assertEquals(sellIn, page.getInt(p + "sellIn"), sku + " sellIn");
        assertEquals(sellOut, page.getInt(p + "sellOut"), sku + " sellOut");
        assertEquals(stock, page.get(p + "reportedStock"), sku + " reportedStock");
        assertEquals(reportedAt, page.get(p + "reportedAt"), sku + " reportedAt");
        assertEquals(doi, page.get(p + "daysOfInventory"), sku + " daysOfInventory");
        assertEquals(rate, page.get(p + "sellThroughRate"), sku + " sellThroughRate");
        assertEquals(risk, page.getBoolean(p + "stuffingRisk"), sku + " stuffingRisk");
    }

    private String row(String channel, String sku, int daysAgo, int quantity) {
        return (channel == null ? "{" : "{\"channelId\":\"" + channel + "\",") + "\"sku\":\"" + sku + "\",\"date\":\"" + date(daysAgo)
                + "\",\"quantity\":" + quantity + "}";
    }

    private static io.restassured.response.Response uploadResponse(String token, String contentType, String body, String kind) {
        return Api.as(token).config(io.restassured.config.RestAssuredConfig.config().encoderConfig(io.restassured.config.EncoderConfig
                        .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/imports/" + kind);
    }

    private static String upload(String token, String contentType, String body) {
        return uploadResponse(token, contentType, body, "sell-out").then().statusCode(202).extract().path("id");
    }

    private static JsonPath awaitDone(String token, String id) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonPath job = Api.as(token).get("/api/v1/imports/jobs/" + id).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import " + id + " still " + status);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                throw new AssertionError(ex);
            }
        }
    }

    private long count(String sql) {
        return db.one(sql, Tuple.of(tenant), r -> r.getLong(0)).await().indefinitely().orElseThrow();
    }

    private void sql(String sql, Object... args) {
        db.query(sql, Tuple.from(args)).await().indefinitely();
    }
}
