package dev.channelhub.analytics;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class AnalyticsApiTest {

    private static AnalyticsFixture fixture;

    @Inject
    Db db;

    private AnalyticsFixture f() {
        synchronized (AnalyticsApiTest.class) {
            if (fixture == null) {
                fixture = new AnalyticsFixture(db);
            }
            return fixture;
        }
    }

    /** "key orders units revenue aov" per row, in the report's order. */
    private static List<String> rows(String token, String query) {
        JsonPath json = Api.as(token).get("/api/v1/analytics/sales?" + query).then().statusCode(200).extract().jsonPath();
        assertEquals(null, json.getString("nextCursor"));
        return json.getList("items", Map.class).stream()
                .map(r -> r.get("key") + " " + r.get("label") + " " + r.get("orders") + " " + r.get("units") + " " + r.get("revenue") + " "
                        + r.get("averageOrderValue") + " " + r.get("currency"))
                .toList();
    }

    @Test
    void incrementalRollupsEqualARebuildFromTheOrderTables() {
        AnalyticsFixture f = f();
        assertFalse(f.rollupsBeforeRebuild.isEmpty());
        assertEquals(f.rollupsAfterRebuild, f.rollupsBeforeRebuild, "rollups kept in the order transactions vs analytics_rebuild");
        // the cancelled order's P3 rows of channel A are gone, not left at zero
        assertFalse(f.rollupsBeforeRebuild.stream().anyMatch(r -> r.contains("|" + f.a + "|") && r.contains("|P3|")));
    }

    @Test
    void salesPerDayFollowTheTenantTimeZone() {
        AnalyticsFixture f = f();
        assertEquals(List.of("2026-03-31 2026-03-31 3 9 550.00 183.33 CNY", "2026-04-01 2026-04-01 2 4 220.00 110.00 CNY"),
                rows(f.manager, "groupBy=day&from=2026-03-31&to=2026-04-01"));
        // 2026-03-31T16:00Z is already April 1 in Shanghai; 2026-03-30T16:00Z is March 31
        assertEquals(List.of("2026-03-31 2026-03-31 3 9 550.00 183.33 CNY"), rows(f.manager, "groupBy=day&from=2026-03-31&to=2026-03-31"));
        assertEquals(List.of(), rows(f.manager, "groupBy=day&from=2026-03-30&to=2026-03-30"));
    }

    @Test
    void salesPerMonthUseMonthRowsAndDayRowsAlike() {
        AnalyticsFixture f = f();
        List<String> expected = List.of("2026-03 2026-03 3 9 550.00 183.33 CNY", "2026-04 2026-04 2 4 220.00 110.00 CNY");
        assertEquals(expected, rows(f.manager, "groupBy=month&from=2026-03-01&to=2026-04-30")); // two whole months
        assertEquals(expected, rows(f.manager, "groupBy=month&from=2026-03-31&to=2026-04-01")); // day rows only
        assertEquals(expected, rows(f.manager, "groupBy=month&from=2026-02-15&to=2026-04-10")); // March whole, edges by day
        assertEquals(expected, rows(f.manager, "groupBy=month&from=2026-03-05&to=2026-04-30")); // March minus its first days
        assertEquals(expected, rows(f.manager, "groupBy=month&from=2026-03-31&to=2026-04-29")); // a March day plus April minus a day
        assertEquals(List.of("2026-04 2026-04 2 4 220.00 110.00 CNY"), rows(f.manager, "groupBy=month&from=2026-04-01&to=2026-05-31"));
        assertEquals(List.of("2026-03 2026-03 2 5 350.00 175.00 CNY"), rows(f.manager, "groupBy=month&channelId=" + f.a + "&from=2026-03-02&to=2026-03-31"));
        assertEquals(List.of("P1 Green tea 1 2 200.00 200.00 CNY", "P2 Cup 3 7 350.00 116.67 CNY"), rows(f.manager, "groupBy=sku&from=2026-03-02&to=2026-03-31"));
    }

    @Test
    void salesPerChannelTypeRegionSkuAndCategory() {
        AnalyticsFixture f = f();
        String q = "&from=2026-03-01&to=2026-04-30";
        List<String> channels = rows(f.manager, "groupBy=channel" + q);
        assertEquals(2, channels.size());
        assertEquals(true, channels.contains(f.a + " Channel A 3 6 450.00 150.00 CNY"));
        assertEquals(true, channels.contains(f.b + " Channel B 2 7 320.00 160.00 CNY"));
        assertEquals(List.of("DISTRIBUTOR DISTRIBUTOR 3 6 450.00 150.00 CNY", "ONLINE_STORE ONLINE_STORE 2 7 320.00 160.00 CNY"),
                rows(f.manager, "groupBy=channelType" + q));
        assertEquals(List.of("EAST EAST 3 6 450.00 150.00 CNY", "WEST WEST 2 7 320.00 160.00 CNY"), rows(f.manager, "groupBy=region" + q));
        assertEquals(List.of("P1 Green tea 3 4 400.00 133.33 CNY", "P2 Cup 3 7 350.00 116.67 CNY", "P3 Spoon 1 2 20.00 20.00 CNY"),
                rows(f.manager, "groupBy=sku" + q));
        assertEquals(List.of(" (no category) 1 2 20.00 20.00 CNY", "CUPS CUPS 3 7 350.00 116.67 CNY", "TEA TEA 3 4 400.00 133.33 CNY"),
                rows(f.manager, "groupBy=category" + q));
        // one channel: its SKUs only, the cancelled P3 order excluded
        assertEquals(List.of("P1 Green tea 2 3 300.00 150.00 CNY", "P2 Cup 2 3 150.00 75.00 CNY"),
                rows(f.manager, "groupBy=sku&channelId=" + f.a + q));
        assertEquals(List.of("2026-03-31 2026-03-31 2 5 350.00 175.00 CNY", "2026-04-01 2026-04-01 1 1 100.00 100.00 CNY"),
                rows(f.manager, "groupBy=day&channelId=" + f.a + q));
        // GraphQL enum-style names are accepted too
        assertEquals(rows(f.manager, "groupBy=channelType" + q), rows(f.manager, "groupBy=CHANNEL_TYPE" + q));
    }

    @Test
    void salesReportPagesWithACursor() {
        AnalyticsFixture f = f();
        JsonPath first = Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=sku&from=2026-03-01&to=2026-04-30&limit=2")
                .then().statusCode(200).body("items.key", equalTo(List.of("P1", "P2"))).extract().jsonPath();
        Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=sku&from=2026-03-01&to=2026-04-30&limit=2&cursor=" + first.getString("nextCursor"))
                .then().statusCode(200).body("items.key", equalTo(List.of("P3"))).body("nextCursor", nullValue());
        Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=sku&cursor=bm9wZQ").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void scorecardOfTheWorkedExample() {
        AnalyticsFixture f = f();
        Api.as(f.manager).get("/api/v1/analytics/channels/" + f.a + "/scorecard?from=2026-03-31&to=2026-04-01").then().statusCode(200)
                .body("channelId", equalTo(f.a)).body("from", equalTo("2026-03-31")).body("to", equalTo("2026-04-01"))
                .body("currency", equalTo("CNY"))
                .body("revenue", equalTo("450.00")).body("orders", equalTo(3))
                .body("conversionRate", equalTo("0.3333")).body("repurchaseRate", equalTo("0.5000"))
                .body("averageCycleHours", equalTo("30.00")).body("p90CycleHours", equalTo("34.80"))
                .body("collectionRate", equalTo("0.6444")).body("receivables", equalTo("160.00")).body("dso", equalTo("0.7"))
                .body("nps", equalTo("25.0")).body("policyAckRate", equalTo("0.5000")).body("conflicts", equalTo(0))
                .body("healthScore", equalTo("56.3"));
        // O2 (April 1 in Shanghai) is outside a March-31-only period; so are its customer's second order and B's orders
        Api.as(f.manager).get("/api/v1/analytics/channels/" + f.a + "/scorecard?from=2026-03-31&to=2026-03-31").then().statusCode(200)
                .body("revenue", equalTo("350.00")).body("orders", equalTo(2)).body("repurchaseRate", equalTo("0.0000"))
                .body("collectionRate", equalTo("0.8286")).body("receivables", equalTo("60.00")).body("dso", equalTo("0.2"))
                .body("conversionRate", nullValue()).body("nps", nullValue());
    }

    @Test
    void scorecardWithoutDataHasEveryFieldAndNullRatios() {
        AnalyticsFixture f = f();
        String body = Api.as(f.manager).get("/api/v1/analytics/channels/" + f.b + "/scorecard?from=2025-01-01&to=2025-01-31")
                .then().statusCode(200)
                .body("revenue", equalTo("0.00")).body("orders", equalTo(0)).body("conversionRate", nullValue())
                .body("repurchaseRate", nullValue()).body("averageCycleHours", nullValue()).body("p90CycleHours", nullValue())
                .body("collectionRate", nullValue()).body("receivables", equalTo("0.00")).body("dso", nullValue()).body("nps", nullValue())
                .body("policyAckRate", equalTo("0.0000")).body("healthScore", equalTo("0.0")).extract().asString();
        for (String field : List.of("revenue", "orders", "conversionRate", "repurchaseRate", "averageCycleHours", "collectionRate",
                "receivables", "nps", "policyAckRate", "healthScore")) {
            assertEquals(true, body.contains("\"" + field + "\":"), field + " must be present");
        }
    }

    @Test
    void badParametersAreValidationFailuresNamingTheField() {
        AnalyticsFixture f = f();
        Map<String, String> cases = Map.of(
                "groupBy=week", "groupBy",
                "from=2026-01-01", "groupBy",
                "groupBy=day&from=2026-13-01", "from",
                "groupBy=day&to=yesterday", "to",
                "groupBy=day&from=2026-04-02&to=2026-04-01", "from",
                "groupBy=day&channelId=nope", "channelId",
                "groupBy=day&limit=0", "limit",
                "groupBy=day&from=2000-01-01&to=2026-01-01", "to");
        cases.forEach((q, field) -> Api.as(f.manager).get("/api/v1/analytics/sales?" + q).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem(field)));
        Api.as(f.manager).get("/api/v1/analytics/channels/" + f.a + "/scorecard?from=2026-04-02&to=2026-04-01").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        Api.as(f.manager).get("/api/v1/analytics/channels/" + f.a + "/scorecard?to=x").then().statusCode(400).body("errors.field", hasItem("to"));
        Api.as(f.manager).get("/api/v1/analytics/channels/not-an-id/scorecard").then().statusCode(404);
        Api.as(f.manager).get("/api/v1/analytics/channels/" + UUID.randomUUID() + "/scorecard").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=day&channelId=" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void rolesTenantsAndPartners() {
        AnalyticsFixture f = f();
        String q = "/api/v1/analytics/sales?groupBy=channel&from=2026-03-01&to=2026-04-30";
        String card = "/api/v1/analytics/channels/" + f.a + "/scorecard?from=2026-03-31&to=2026-04-01";
        Api.as(null).get(q).then().statusCode(401);
        Api.as(null).get(card).then().statusCode(401);
        Api.as(Tokens.expired(f.tenant, "manager")).get(q).then().statusCode(401);
        for (String role : List.of("sales", "integration")) {
            Api.as(Tokens.token(f.tenant, role)).get(q).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            Api.as(Tokens.token(f.tenant, role)).get(card).then().statusCode(403);
        }
        Api.as(f.admin).get(q).then().statusCode(200).body("items.size()", equalTo(2));
        // another tenant: nothing, and the channel is not found
        String stranger = Tokens.token(Tokens.newTenant(), "manager");
        Api.as(stranger).get(q).then().statusCode(200).body("items.size()", equalTo(0));
        Api.as(stranger).get(card).then().statusCode(404);
        Api.as(stranger).get(q + "&channelId=" + f.a).then().statusCode(404);
        // a partner is held to its own channel
        assertEquals(List.of(f.a + " Channel A 3 6 450.00 150.00 CNY"), rows(f.partnerA, "groupBy=channel&from=2026-03-01&to=2026-04-30"));
        assertEquals(List.of("P1 Green tea 2 3 300.00 150.00 CNY", "P2 Cup 2 3 150.00 75.00 CNY"),
                rows(f.partnerA, "groupBy=sku&from=2026-03-01&to=2026-04-30"));
        Api.as(f.partnerA).get(q + "&channelId=" + f.b).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(f.partnerA).get(card).then().statusCode(200).body("revenue", equalTo("450.00"));
        Api.as(f.partnerA).get("/api/v1/analytics/channels/" + f.b + "/scorecard").then().statusCode(404);
        Api.as(f.partnerA).get("/api/v1/analytics/inventory/low-stock").then().statusCode(403);
    }

    @Test
    void theReportCostsAConstantNumberOfStatements() {
        AnalyticsFixture f = f();
        String small = Tokens.token(Tokens.newTenant(), "manager");
        for (String by : List.of("channel", "sku", "category", "day", "month")) {
            long before = SqlCounter.current();
            Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=" + by + "&from=2026-01-01&to=2026-12-31").then().statusCode(200);
            // + the rollups' catch-up (SalesRollupFeed.catchUp: applies orders committed before the report, if any)
            assertEquals(2, SqlCounter.current() - before, by + ": catch-up + one statement");
            before = SqlCounter.current();
            Api.as(small).get("/api/v1/analytics/sales?groupBy=" + by + "&from=2026-01-01&to=2026-12-31").then().statusCode(200);
            assertEquals(2, SqlCounter.current() - before, by + ": catch-up + one statement without data");
        }
        long before = SqlCounter.current();
        Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=sku&channelId=" + f.a).then().statusCode(200);
        assertEquals(3, SqlCounter.current() - before, "channel check + catch-up + report");
        before = SqlCounter.current();
        Api.as(f.manager).get("/api/v1/analytics/channels/" + f.a + "/scorecard?from=2026-03-31&to=2026-04-01").then().statusCode(200);
        // + the rebate accrued, the profitability row (contribution, roi) and the sell-through rate; no target statement:
        // the period is no year, quarter or month
        assertEquals(9, SqlCounter.current() - before,
                "channel, catch-up, figures, leads, policies, conflicts, rebate, profitability, sell-through");
    }

    @Test
    void graphqlSalesReportAndScorecardCallTheSameService() {
        AnalyticsFixture f = f();
        Api.graphql(f.manager, "query($from: String, $to: String) { salesReport(groupBy: \"day\", from: $from, to: $to) {"
                                + " edges { node { key label orders units revenue averageOrderValue currency } } pageInfo { hasNextPage } } }",
                        Map.of("from", "2026-03-31", "to", "2026-04-01"))
                .then().statusCode(200).body("errors", nullValue())
                .body("data.salesReport.edges.node.key", equalTo(List.of("2026-03-31", "2026-04-01")))
                .body("data.salesReport.edges[0].node.orders", equalTo(3)).body("data.salesReport.edges[0].node.units", equalTo(9))
                .body("data.salesReport.edges[0].node.revenue", equalTo("550.00"))
                .body("data.salesReport.edges[1].node.averageOrderValue", equalTo("110.00"))
                .body("data.salesReport.pageInfo.hasNextPage", equalTo(false));
        Api.graphql(f.manager, "query($id: ID!) { channelScorecard(channelId: $id, from: \"2026-03-31\", to: \"2026-04-01\") {"
                                + " revenue orders conversionRate repurchaseRate averageCycleHours p90CycleHours collectionRate receivables dso"
                                + " nps policyAckRate conflicts healthScore } }", Map.of("id", f.a))
                .then().statusCode(200).body("errors", nullValue())
                .body("data.channelScorecard.orders", equalTo(3)).body("data.channelScorecard.revenue", equalTo("450.00"))
                .body("data.channelScorecard.conversionRate", equalTo("0.3333")).body("data.channelScorecard.nps", equalTo("25.0"))
                .body("data.channelScorecard.healthScore", equalTo("56.3")).body("data.channelScorecard.p90CycleHours", equalTo("34.80"));
        Api.graphql(f.manager, "{ salesReport(groupBy: \"week\") { edges { node { key } } } }").then()
                .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED")).body("data.salesReport", nullValue());
        Api.graphql(f.partnerA, "query($id: ID!) { channelScorecard(channelId: $id) { orders } }", Map.of("id", f.b)).then()
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(f.sales, "{ salesReport(groupBy: \"day\") { edges { node { key } } } }").then()
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(f.partnerA, "{ salesReport(groupBy: \"channel\", from: \"2026-03-01\", to: \"2026-04-30\") { edges { node { key orders } } } }")
                .then().body("errors", nullValue()).body("data.salesReport.edges.node.key", equalTo(List.of(f.a)))
                .body("data.salesReport.edges[0].node.orders", notNullValue());
    }
}
