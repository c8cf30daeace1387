package dev.channelhub.incentive;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Targets, cost prices and profitability on a hand-computed data set placed through the API, then moved in time
 * with SQL (the API stamps "now") and the rollups rebuilt. Days in Asia/Shanghai (UTC+8).
 *
 * Channels A (DISTRIBUTOR, EAST), B (ONLINE_STORE, WEST), C (AGENT, EAST, no orders). Products P1 100.00 cost 60.00,
 * P2 50.00 cost 20.00, P3 10.00 without cost. After O0..O5 P1's cost becomes 80.00, then O3 is placed.
 * <pre>
 * O0 A c2 P2x2        = 100 cost  40  2026-09-30T15:59:59Z (09-30 23:59:59)  September
 * O1 A c1 P1x2 + P2x1 = 250 cost 140  2026-10-05T02:00:00Z
 * O2 A c2 P1x1        = 100 cost  60  2026-10-20T03:00:00Z
 * O4 A c5 P2x1        =  50           CANCELLED
 * O5 A c6 P2x1        =  50 cost  20  2026-10-31T16:00:00Z (11-01 00:00)     November
 * O3 B c3 P1x1 + P3x2 = 120 cost  80  2026-10-10T05:00:00Z
 * </pre>
 * Channel costs: A MARKETING 30.00 on 10-15, A LOGISTICS 10.00 on 09-30 (outside October), C STAFF 25.00 on 10-01.
 * October: A revenue 350, COGS 200, gross 150 (0.4286), cost 30, contribution 120, ROI 4.0000; B 120, 80, 40 (0.3333),
 * 0, 40, ROI null; C 0, 0, 0 (null), 25, -25, ROI -1.0000.
 */
@QuarkusTest
class TargetsAndProfitabilityTest {

    private static Fixture fixture;

    @Inject
    Db db;

    static final class Fixture {
        final String tenant = Tokens.newTenant();
        final String admin = Tokens.token(tenant, "admin");
        final String manager = Tokens.token(tenant, "manager");
        final String sales = Tokens.token(tenant, "sales");
        final String integration = Tokens.token(tenant, "integration");
        String a;
        String b;
        String c;
        String partnerA;
        String partnerB;
        final Map<String, String> orders = new HashMap<>();
        List<String> rollupsBeforeRebuild;
        List<String> rollupsAfterRebuild;
    }

    private Fixture f() {
        synchronized (TargetsAndProfitabilityTest.class) {
            if (fixture == null) {
                fixture = build();
            }
            return fixture;
        }
    }

    private Fixture build() {
        Fixture f = new Fixture();
        f.a = channel(f, "A", "DISTRIBUTOR", "EAST");
        Api.as(f.admin).body(Map.of("to", "ACTIVE")).post("/api/v1/channels/" + f.a + "/transition").then().statusCode(200);
        f.b = channel(f, "B", "ONLINE_STORE", "WEST");
        f.c = channel(f, "C", "AGENT", "EAST");
        f.partnerA = Tokens.partner(f.tenant, f.a);
        f.partnerB = Tokens.partner(f.tenant, f.b);
        Api.as(f.admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE")).post("/api/v1/locations").then().statusCode(201);
        product(f, "P1", "60.00");
        product(f, "P2", "20.00");
        product(f, "P3", null);
        Api.as(f.admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries", List.of(
                        Map.of("sku", "P1", "price", "100.00"), Map.of("sku", "P2", "price", "50.00"), Map.of("sku", "P3", "price", "10.00"))))
                .post("/api/v1/price-lists").then().statusCode(201);
        for (String sku : List.of("P1", "P2", "P3")) {
            Api.as(f.admin).body(Map.of("onHand", 1000)).put("/api/v1/stock/WH/" + sku).then().statusCode(200);
        }
        f.orders.put("O0", place(f, f.a, "13800000002", "P2", 2));
        f.orders.put("O1", place(f, f.a, "13800000001", "P1", 2, "P2", 1));
        f.orders.put("O2", place(f, f.a, "13800000002", "P1", 1));
        f.orders.put("O4", place(f, f.a, "13800000005", "P2", 1));
        f.orders.put("O5", place(f, f.a, "13800000006", "P2", 1));
        Api.as(f.sales).body(Map.of("reason", "changed mind")).post("/api/v1/orders/" + f.orders.get("O4") + "/cancel").then().statusCode(200);
        // A later cost applies to orders placed later only.
        Api.as(f.manager).body(Map.of("costPrice", "80.00")).patch("/api/v1/products/P1").then().statusCode(200)
                .body("costPrice", equalTo("80.00"));
        f.orders.put("O3", place(f, f.b, "13800000003", "P1", 1, "P3", 2));

        cost(f, f.a, "2026-10-15", "MARKETING", "30.00");
        cost(f, f.a, "2026-09-30", "LOGISTICS", "10.00");
        cost(f, f.c, "2026-10-01", "STAFF", "25.00");

        f.rollupsBeforeRebuild = rollups(f.tenant);
        rebuild(f.tenant);
        f.rollupsAfterRebuild = rollups(f.tenant);

        at(f, "O0", "2026-09-30T15:59:59Z");
        at(f, "O1", "2026-10-05T02:00:00Z");
        at(f, "O2", "2026-10-20T03:00:00Z");
        at(f, "O4", "2026-10-06T03:00:00Z");
        at(f, "O5", "2026-10-31T16:00:00Z");
        at(f, "O3", "2026-10-10T05:00:00Z");
        rebuild(f.tenant);
        return f;
    }

    // ------------------------------------------------------------------ targets

    @Test
    void targetAttainmentAndNewCustomersFollowTheSalesReportInTheTenantTimeZone() {
        Fixture f = f();
        Api.as(f.manager).body(Map.of("revenue", "400.00", "newCustomers", 2)).put("/api/v1/channels/" + f.a + "/targets/2026-10")
                .then().statusCode(200)
                .body("channelId", equalTo(f.a)).body("period", equalTo("2026-10")).body("currency", equalTo("CNY"))
                .body("revenue", equalTo("400.00")).body("newCustomers", equalTo(2))
                // O1 250 + O2 100; O0 is September (23:59:59 on 09-30), O5 November (00:00 on 11-01), O4 cancelled
                .body("actualRevenue", equalTo("350.00"))
                // c1 only: c2's first order through A was in September, c6's in November, c5's was cancelled
                .body("actualNewCustomers", equalTo(1))
                .body("attainment", equalTo("0.8750"));
        // Q4 = October + November: 350 + 50; new customers c1 and c6
        Api.as(f.admin).body(Map.of("revenue", "1000")).put("/api/v1/channels/" + f.a + "/targets/2026-Q4").then().statusCode(200)
                .body("actualRevenue", equalTo("400.00")).body("actualNewCustomers", equalTo(2)).body("attainment", equalTo("0.4000"))
                .body("newCustomers", nullValue());
        Api.as(f.manager).body(Map.of("revenue", "100.00")).put("/api/v1/channels/" + f.b + "/targets/2026-10").then().statusCode(200)
                .body("actualRevenue", equalTo("120.00")).body("actualNewCustomers", equalTo(1)).body("attainment", equalTo("1.2000"));
        Api.as(f.manager).body(Map.of("revenue", "50.00")).put("/api/v1/channels/" + f.c + "/targets/2026-10").then().statusCode(200)
                .body("actualRevenue", equalTo("0.00")).body("actualNewCustomers", equalTo(0)).body("attainment", equalTo("0.0000"));
        // the year: everything of A in 2026 (O0 + O1 + O2 + O5)
        Api.as(f.manager).body(Map.of("revenue", "1000.00")).put("/api/v1/channels/" + f.a + "/targets/2026").then().statusCode(200)
                .body("actualRevenue", equalTo("500.00")).body("actualNewCustomers", equalTo(3)).body("attainment", equalTo("0.5000"));

        // ranking of October: B 1.2, A 0.875, C 0
        JsonPath ranking = Api.as(f.manager).get("/api/v1/targets?period=2026-10").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(f.b, f.a, f.c), ranking.getList("items.channelId"));
        assertEquals(List.of(1, 2, 3), ranking.getList("items.rank"));
        assertEquals(List.of("1.2000", "0.8750", "0.0000"), ranking.getList("items.attainment"));
        // paged: the second page continues the ranking
        JsonPath first = Api.as(f.manager).get("/api/v1/targets?period=2026-10&limit=2").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(f.b, f.a), first.getList("items.channelId"));
        Api.as(f.manager).get("/api/v1/targets?period=2026-10&limit=2&cursor=" + first.getString("nextCursor")).then().statusCode(200)
                .body("items.channelId", equalTo(List.of(f.c))).body("items.rank", equalTo(List.of(3)));
        // within a channel group (A and C)
        String group = Api.as(f.manager).body(Map.of("code", "G", "name", "A and C", "memberIds", List.of(f.a, f.c)))
                .post("/api/v1/channel-groups").then().statusCode(201).extract().path("id");
        Api.as(f.manager).get("/api/v1/targets?period=2026-10&channelGroupId=" + group).then().statusCode(200)
                .body("items.channelId", equalTo(List.of(f.a, f.c))).body("items.rank", equalTo(List.of(1, 2)));
        Api.graphql(f.manager, "query($g: ID) { channelTargets(period: \"2026-10\", channelGroupId: $g) { edges { node { channelId rank attainment } } } }",
                        Map.of("g", group)).then().statusCode(200).body("errors", nullValue())
                .body("data.channelTargets.edges.node.channelId", equalTo(List.of(f.a, f.c)))
                .body("data.channelTargets.edges.node.attainment", equalTo(List.of("0.8750", "0.0000")));

        // the partner reads its own targets only, by period code
        Api.as(f.partnerA).get("/api/v1/me/targets").then().statusCode(200)
                .body("items.period", equalTo(List.of("2026", "2026-10", "2026-Q4")))
                .body("items.channelId", equalTo(List.of(f.a, f.a, f.a)));
        Api.as(f.partnerB).get("/api/v1/me/targets?period=2026-10").then().statusCode(200)
                .body("items.channelId", equalTo(List.of(f.b))).body("items.attainment", equalTo(List.of("1.2000")));
        Api.graphql(f.partnerA, "{ myTargets(period: \"2026-Q4\") { edges { node { channelId period attainment } } } }").then()
                .body("errors", nullValue()).body("data.myTargets.edges.node.period", equalTo(List.of("2026-Q4")));
        // a partner cannot rank, set or read the brand's list; staff have no "own" targets
        Api.as(f.partnerA).get("/api/v1/targets?period=2026-10").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        Api.as(f.partnerA).body(Map.of("revenue", "1.00")).put("/api/v1/channels/" + f.a + "/targets/2026-10").then().statusCode(403);
        Api.as(f.partnerA).body(Map.of("revenue", "1.00")).put("/api/v1/channels/" + f.b + "/targets/2026-10").then().statusCode(403);
        Api.as(f.manager).get("/api/v1/me/targets").then().statusCode(403);
        Api.graphql(f.partnerA, "{ channelTargets(period: \"2026-10\") { edges { node { channelId } } } }").then()
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        // another tenant sees nothing of these channels
        String other = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(other).body(Map.of("revenue", "1.00")).put("/api/v1/channels/" + f.a + "/targets/2026-10").then().statusCode(404);
        Api.as(other).get("/api/v1/targets?period=2026-10").then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void aTargetChangeIsVersionedAndEmitsTargetSet() {
        Fixture f = f();
        String path = "/api/v1/channels/" + f.b + "/targets/2026-11";
        Api.as(f.manager).body(Map.of("revenue", "10.00")).put(path).then().statusCode(200).body("version", equalTo(1));
        Api.as(f.manager).header("If-Match", "\"7\"").body(Map.of("revenue", "20.00")).put(path).then().statusCode(412)
                .body("code", equalTo("VERSION_CONFLICT"));
        Api.as(f.manager).header("If-Match", "\"1\"").body(Map.of("revenue", "20.00")).put(path).then().statusCode(200)
                .body("version", equalTo(2)).body("revenue", equalTo("20.00"));
        Api.graphql(f.manager, "mutation($c: ID!) { setChannelTarget(channelId: $c, period: \"2026-11\", input: {revenue: 40}, version: 2) { version revenue actualRevenue attainment } }",
                        Map.of("c", f.b)).then().body("errors", nullValue())
                .body("data.setChannelTarget.version", equalTo(3)).body("data.setChannelTarget.revenue", equalTo("40.00"))
                .body("data.setChannelTarget.actualRevenue", equalTo("0.00"));
        long events = db.one("select count(*) from event_outbox where tenant_id = $1 and type = 'target.set' and channel_id = $2"
                        + " and payload ->> 'period' = '2026-11'",
                Tuple.of(f.tenant, UUID.fromString(f.b)), r -> r.getLong(0)).await().indefinitely().orElseThrow();
        assertEquals(3, events);
    }

    @Test
    @InvalidRequests("bad periods and a zero target, to see 400 without a change")
    void badPeriodsAndAmountsAreRejected() {
        Fixture f = f();
        for (String period : List.of("2026-13", "2026-Q5", "26", "2026-1", "1999")) {
            Api.as(f.manager).body(Map.of("revenue", "10.00")).put("/api/v1/channels/" + f.c + "/targets/" + period).then().statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED"));
        }
        Api.as(f.manager).body(Map.of("revenue", "0")).put("/api/v1/channels/" + f.c + "/targets/2026-09").then().statusCode(400);
        Api.as(f.manager).get("/api/v1/targets?period=Q4").then().statusCode(400);
        Api.as(f.manager).get("/api/v1/targets?period=2026-09").then().statusCode(200).body("items", equalTo(List.of()));
    }

    // ------------------------------------------------------------------ costs and profitability

    @Test
    void profitabilityRowsAreExactPerChannelRegionAndType() {
        Fixture f = f();
        assertEquals(List.of(
                        f.a + " Channel A CNY 350.00 200.00 150.00 0.4286 30.00 120.00 4.0000",
                        f.b + " Channel B CNY 120.00 80.00 40.00 0.3333 0.00 40.00 null",
                        f.c + " Channel C CNY 0.00 0.00 0.00 null 25.00 -25.00 -1.0000"),
                profit(f.manager, "groupBy=channel&from=2026-10-01&to=2026-10-31"));
        assertEquals(List.of(
                        "EAST EAST CNY 350.00 200.00 150.00 0.4286 55.00 95.00 1.7273",
                        "WEST WEST CNY 120.00 80.00 40.00 0.3333 0.00 40.00 null"),
                profit(f.manager, "groupBy=region&from=2026-10-01&to=2026-10-31"));
        assertEquals(List.of(
                        "AGENT AGENT CNY 0.00 0.00 0.00 null 25.00 -25.00 -1.0000",
                        "DISTRIBUTOR DISTRIBUTOR CNY 350.00 200.00 150.00 0.4286 30.00 120.00 4.0000",
                        "ONLINE_STORE ONLINE_STORE CNY 120.00 80.00 40.00 0.3333 0.00 40.00 null"),
                profit(f.admin, "groupBy=channelType&from=2026-10-01&to=2026-10-31"));
        // day edges: 09-30 brings O0 (100, cost 40) and the 10.00 logistics cost; 11-01 brings O5 (50, cost 20)
        assertEquals(List.of(f.a + " Channel A CNY 500.00 260.00 240.00 0.4800 40.00 200.00 5.0000"),
                profit(f.manager, "groupBy=channel&from=2026-09-30&to=2026-11-01").subList(0, 1));
        Api.graphql(f.manager, "{ profitability(groupBy: \"region\", from: \"2026-10-01\", to: \"2026-10-31\") { edges { node { key revenue costOfGoods grossMargin channelCost contribution roi } } } }")
                .then().body("errors", nullValue())
                .body("data.profitability.edges.node.key", equalTo(List.of("EAST", "WEST")))
                .body("data.profitability.edges.node.roi", equalTo(java.util.Arrays.asList("1.7273", null)))
                .body("data.profitability.edges.node.costOfGoods", equalTo(List.of("200.00", "80.00")));
    }

    @Test
    void theCostRecordedAtPlacementSurvivesLaterCostChangesAndRebuilds() {
        Fixture f = f();
        assertEquals(f.rollupsAfterRebuild, f.rollupsBeforeRebuild, "rollups kept by the order transactions vs analytics_rebuild, cost included");
        Api.as(f.manager).body(Map.of("costPrice", "999.00")).patch("/api/v1/products/P1").then().statusCode(200);
        Api.as(f.manager).body(Map.of("costPrice", "999.00")).patch("/api/v1/products/P2").then().statusCode(200);
        rebuild(f.tenant);
        assertEquals(List.of(
                        f.a + " Channel A CNY 350.00 200.00 150.00 0.4286 30.00 120.00 4.0000",
                        f.b + " Channel B CNY 120.00 80.00 40.00 0.3333 0.00 40.00 null",
                        f.c + " Channel C CNY 0.00 0.00 0.00 null 25.00 -25.00 -1.0000"),
                profit(f.manager, "groupBy=channel&from=2026-10-01&to=2026-10-31"));
        Api.as(f.manager).body(Map.of("costPrice", "80.00")).patch("/api/v1/products/P1").then().statusCode(200);
        Api.as(f.manager).body(Map.of("costPrice", "20.00")).patch("/api/v1/products/P2").then().statusCode(200);
    }

    @Test
    void costPricesAreShownToManagersAndAdminsOnly() {
        Fixture f = f();
        Api.as(f.manager).get("/api/v1/products/P2").then().statusCode(200).body("costPrice", equalTo("20.00"));
        Api.as(f.admin).get("/api/v1/products/P2").then().statusCode(200).body("costPrice", equalTo("20.00"));
        for (String token : List.of(f.sales, f.partnerA, f.integration)) {
            Api.as(token).get("/api/v1/products/P2").then().statusCode(200).body("costPrice", nullValue());
            Api.as(token).get("/api/v1/products").then().statusCode(200).body("items.costPrice", equalTo(java.util.Arrays.asList(null, null, null)));
            Api.graphql(token, "{ products { edges { node { sku costPrice } } } }").then().body("errors", nullValue())
                    .body("data.products.edges.node.costPrice", equalTo(java.util.Arrays.asList(null, null, null)));
        }
        Api.graphql(f.manager, "{ products { edges { node { sku costPrice } } } }").then().body("errors", nullValue())
                .body("data.products.edges.node.costPrice", equalTo(java.util.Arrays.asList("80.00", "20.00", null)));
        // only managers and admins set it
        Api.as(f.integration).body(Map.of("costPrice", "1.00")).patch("/api/v1/products/P2").then().statusCode(403);
        Api.as(f.integration).body(Map.of("sku", "PX", "name", "x", "costPrice", "1.00")).post("/api/v1/products").then().statusCode(403);
        Api.as(f.sales).body(Map.of("costPrice", "1.00")).patch("/api/v1/products/P2").then().statusCode(403);
        Api.graphql(f.integration, "mutation { updateProduct(sku: \"P2\", input: {costPrice: 1}) { sku } }").then()
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.as(f.manager).get("/api/v1/products/P2").then().body("costPrice", equalTo("20.00"));
    }

    @Test
    void profitabilityAndChannelCostsAreTheBrandsOnly() {
        Fixture f = f();
        for (String token : List.of(f.partnerA, f.sales, f.integration)) {
            Api.as(token).get("/api/v1/analytics/profitability?groupBy=channel").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            Api.as(token).get("/api/v1/channel-costs").then().statusCode(403);
            Api.as(token).body(Map.of("channelId", f.a, "date", "2026-10-01", "category", "OTHER", "amount", "1.00"))
                    .post("/api/v1/channel-costs").then().statusCode(403);
            Api.graphql(token, "{ profitability(groupBy: \"channel\") { edges { node { key } } } }").then()
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        // the scorecard: attainment for the partner's own channel, never contribution or ROI
        // Q4 of A: revenue 400 (O1, O2, O5), COGS 220, channel cost 30 -> contribution 150, ROI 5
        Api.as(f.manager).body(Map.of("revenue", "1000")).put("/api/v1/channels/" + f.a + "/targets/2026-Q4").then().statusCode(200);
        Api.as(f.manager).get("/api/v1/analytics/channels/" + f.a + "/scorecard?from=2026-10-01&to=2026-12-31").then().statusCode(200)
                .body("targetAttainment", equalTo("0.4000")).body("contribution", equalTo("150.00")).body("roi", equalTo("5.0000"));
        Api.as(f.partnerA).get("/api/v1/analytics/channels/" + f.a + "/scorecard?from=2026-10-01&to=2026-12-31").then().statusCode(200)
                .body("targetAttainment", equalTo("0.4000")).body("contribution", nullValue()).body("roi", nullValue());
        Api.as(f.partnerA).get("/api/v1/analytics/channels/" + f.b + "/scorecard?from=2026-10-01&to=2026-10-31").then().statusCode(404);
        // a period that is no year, quarter or month has no target
        Api.as(f.manager).get("/api/v1/analytics/channels/" + f.a + "/scorecard?from=2026-10-01&to=2026-12-30").then().statusCode(200)
                .body("targetAttainment", nullValue());
        Api.graphql(f.manager, "query($id: ID!) { channelScorecard(channelId: $id, from: \"2026-10-01\", to: \"2026-10-31\") { targetAttainment contribution roi } }",
                        Map.of("id", f.c)).then().body("errors", nullValue())
                .body("data.channelScorecard.contribution", equalTo("-25.00")).body("data.channelScorecard.roi", equalTo("-1.0000"));
    }

    @Test
    @InvalidRequests("a cost for another tenant's channel, a negative amount, an unknown category")
    void channelCostsAreRecordedAndListed() {
        Fixture f = f();
        Api.as(f.manager).get("/api/v1/channel-costs?channelId=" + f.a + "&from=2026-10-01&to=2026-10-31").then().statusCode(200)
                .body("items.amount", equalTo(List.of("30.00"))).body("items.category", equalTo(List.of("MARKETING")))
                .body("items.currency", equalTo(List.of("CNY")));
        Api.as(f.manager).get("/api/v1/channel-costs?category=STAFF").then().statusCode(200).body("items.channelId", equalTo(List.of(f.c)));
        Api.graphql(f.manager, "query($c: ID) { channelCosts(channelId: $c) { edges { node { date category amount } } } }", Map.of("c", f.a))
                .then().body("errors", nullValue()).body("data.channelCosts.edges.node.amount", equalTo(List.of("30.00", "10.00")));
        String other = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(other).body(Map.of("channelId", f.a, "date", "2026-10-01", "category", "OTHER", "amount", "1.00"))
                .post("/api/v1/channel-costs").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Api.as(other).get("/api/v1/channel-costs").then().statusCode(200).body("items", equalTo(List.of()));
        Api.as(f.manager).body(Map.of("channelId", f.a, "date", "2026-10-01", "category", "OTHER", "amount", "-1.00"))
                .post("/api/v1/channel-costs").then().statusCode(400);
        Api.as(f.manager).body(Map.of("channelId", f.a, "date", "2026-10-01", "category", "BRIBES", "amount", "1.00"))
                .post("/api/v1/channel-costs").then().statusCode(400);
        Api.as(f.manager).get("/api/v1/channel-costs?channelId=" + f.a + "&from=2026-10-01&to=2026-10-31").then()
                .body("items.amount", equalTo(List.of("30.00")));
    }

    // ------------------------------------------------------------------ helpers

    /** "key label currency revenue costOfGoods grossProfit grossMargin channelCost contribution roi" per row. */
    private static List<String> profit(String token, String query) {
        JsonPath json = Api.as(token).get("/api/v1/analytics/profitability?" + query).then().statusCode(200).extract().jsonPath();
        return json.getList("items", Map.class).stream()
                .map(r -> r.get("key") + " " + r.get("label") + " " + r.get("currency") + " " + r.get("revenue") + " " + r.get("costOfGoods")
                        + " " + r.get("grossProfit") + " " + r.get("grossMargin") + " " + r.get("channelCost") + " " + r.get("contribution")
                        + " " + r.get("roi"))
                .toList();
    }

    private static String channel(Fixture f, String code, String type, String region) {
        return Api.as(f.admin).body(Map.of("code", code, "name", "Channel " + code, "type", type, "region", region))
                .post("/api/v1/channels").then().statusCode(201).extract().path("id");
    }

    private static void product(Fixture f, String sku, String cost) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "name", "Product " + sku));
        if (cost != null) {
            body.put("costPrice", cost);
        }
        Api.as(f.manager).body(body).post("/api/v1/products").then().statusCode(201).body("costPrice", equalTo(cost));
    }

    private static void cost(Fixture f, String channel, String date, String category, String amount) {
        Api.as(f.manager).body(Map.of("channelId", channel, "date", date, "category", category, "amount", amount))
                .post("/api/v1/channel-costs").then().statusCode(201).body("amount", equalTo(amount)).body("currency", equalTo("CNY"));
    }

    private static String place(Fixture f, String channel, String phone, Object... skuQty) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuQty.length; i += 2) {
            lines.add(Map.of("sku", skuQty[i], "quantity", skuQty[i + 1]));
        }
        Map<String, Object> body = new HashMap<>(Map.of("channelId", channel, "lines", lines));
        body.put("customer", Map.of("identities", List.of(Map.of("kind", "PHONE", "value", phone))));
        return Api.as(f.sales).body(body).post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    private void at(Fixture f, String order, String placed) {
        db.query("update sales_order set created_at = $3 where tenant_id = $1 and id = $2",
                Tuple.of(f.tenant, UUID.fromString(f.orders.get(order)), OffsetDateTime.parse(placed))).await().indefinitely();
    }

    private void rebuild(String tenant) {
        db.one("select analytics_rebuild($1)", Tuple.of(tenant), r -> r.getLong(0)).await().indefinitely();
    }

    private List<String> rollups(String tenant) {
        dev.channelhub.analytics.AnalyticsFixture.catchUp(db);
        return dev.channelhub.analytics.AnalyticsFixture.rollupRows(db, tenant);
    }
}
