package dev.channelhub.analytics.foresight;

import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ForesightApiTest {

    private static ForesightFixture fixture;

    private static ForesightFixture f() {
        synchronized (ForesightApiTest.class) {
            if (fixture == null) {
                fixture = new ForesightFixture();
            }
            return fixture;
        }
    }

    private static List<String> growth(String token, String query) {
        JsonPath json = Api.as(token).get("/api/v1/analytics/growth?" + query).then().statusCode(200).extract().jsonPath();
        assertEquals(null, json.getString("nextCursor"));
        return json.getList("items", Map.class).stream()
                .map(r -> r.get("key") + " " + r.get("label") + " " + r.get("revenue") + " " + r.get("previousRevenue") + " " + r.get("growth")
                        + " " + r.get("share") + " " + r.get("currency"))
                .toList();
    }

    // ------------------------------------------------------------------ growth

    @Test
    void growthPerChannelAndChannelTypeWithShares() {
        ForesightFixture f = f();
        String month = YearMonth.from(f.today).toString();
        List<String> byChannel = growth(f.manager, "groupBy=channel&period=" + month);
        assertEquals(2, byChannel.size());
        assertEquals(true, byChannel.contains(f.a + " Channel A 350.00 0.00 null 0.7000 CNY"), byChannel.toString());
        assertEquals(true, byChannel.contains(f.b + " Channel B 150.00 0.00 null 0.3000 CNY"), byChannel.toString());
        assertEquals(List.of("DISTRIBUTOR DISTRIBUTOR 350.00 0.00 null 0.7000 CNY", "ONLINE_STORE ONLINE_STORE 150.00 0.00 null 0.3000 CNY"),
                growth(f.manager, "groupBy=channelType&period=" + month));
        // the default period is the current month
        assertEquals(growth(f.manager, "groupBy=channelType&period=" + month), growth(f.manager, "groupBy=channelType"));
        // the next month: nothing sold, everything previous: growth -100 %, no share of an empty total
        String next = YearMonth.from(f.today).plusMonths(1).toString();
        assertEquals(List.of("DISTRIBUTOR DISTRIBUTOR 0.00 350.00 -1.0000 null CNY", "ONLINE_STORE ONLINE_STORE 0.00 150.00 -1.0000 null CNY"),
                growth(f.manager, "groupBy=channelType&period=" + next));
        // a year against the year before; two months on, both periods are empty
        assertEquals(List.of("DISTRIBUTOR DISTRIBUTOR 350.00 0.00 null 0.7000 CNY", "ONLINE_STORE ONLINE_STORE 150.00 0.00 null 0.3000 CNY"),
                growth(f.manager, "groupBy=channelType&period=" + f.today.getYear()));
        assertEquals(List.of(), growth(f.manager, "groupBy=channelType&period=" + YearMonth.from(f.today).plusMonths(2)));
    }

    @Test
    void growthPagesWithACursor() {
        ForesightFixture f = f();
        JsonPath first = Api.as(f.manager).get("/api/v1/analytics/growth?groupBy=channelType&limit=1").then().statusCode(200)
                .body("items.key", equalTo(List.of("DISTRIBUTOR"))).extract().jsonPath();
        Api.as(f.manager).get("/api/v1/analytics/growth?groupBy=channelType&limit=1&cursor=" + first.getString("nextCursor")).then()
                .statusCode(200).body("items.key", equalTo(List.of("ONLINE_STORE"))).body("items[0].share", equalTo("0.3000"))
                .body("nextCursor", nullValue());
    }

    @Test
    void aPartnerSeesItsOwnChannelsGrowthWithoutShare() {
        ForesightFixture f = f();
        assertEquals(List.of(f.a + " Channel A 350.00 0.00 null null CNY"), growth(f.partnerA, "groupBy=channel"));
        assertEquals(List.of("ONLINE_STORE ONLINE_STORE 150.00 0.00 null null CNY"), growth(f.partnerB, "groupBy=channelType"));
    }

    @Test
    @InvalidRequests("bad groupBy and period")
    void growthRefusesBadInputAndOtherRoles() {
        ForesightFixture f = f();
        Api.as(f.manager).get("/api/v1/analytics/growth?groupBy=region").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        Api.as(f.manager).get("/api/v1/analytics/growth?groupBy=channel&period=2026-13").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        Api.as(f.manager).get("/api/v1/analytics/growth?groupBy=channel&period=last").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        Api.as(f.manager).get("/api/v1/analytics/growth").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        Api.as(f.sales).get("/api/v1/analytics/growth?groupBy=channel").then().statusCode(403);
        Api.as(null).get("/api/v1/analytics/growth?groupBy=channel").then().statusCode(401);
        // another tenant sees its own (empty) figures
        Api.as(Tokens.token(Tokens.newTenant(), "manager")).get("/api/v1/analytics/growth?groupBy=channel").then().statusCode(200)
                .body("items", equalTo(List.of()));
    }

    // ------------------------------------------------------------------ churn

    private static JsonPath churn(String token, String query) {
        return Api.as(token).get("/api/v1/analytics/churn?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static String figures(JsonPath j) {
        return j.getInt("activeCustomers") + " " + j.getInt("churnedCustomers") + " " + j.getString("churnRate") + " "
                + j.getList("atRisk.items.name") + " " + j.getList("atRisk.items.orders") + " " + j.getList("atRisk.items.daysSinceLastOrder");
    }

    @Test
    void churnMovesWithAsOf() {
        ForesightFixture f = f();
        LocalDate t = f.today;
        // today: c1, c2, c3 active (the anonymous and the cancelled order count nowhere); nobody before, so no rate
        assertEquals("3 0 null [] [] []", figures(churn(f.manager, "asOf=" + t)));
        assertEquals("3 0 null [] [] []", figures(churn(f.manager, "asOf=" + t.plusDays(134))));
        // 135 days = ⌈0.75 × 180⌉: at risk, oldest last order first, ties by customer id
        JsonPath risk = churn(f.manager, "asOf=" + t.plusDays(135));
        assertEquals(3, risk.getInt("activeCustomers"));
        assertEquals(List.of("c1", "c2", "c3"), risk.getList("atRisk.items.name", String.class).stream().sorted().toList());
        assertEquals(List.of(135, 135, 135), risk.getList("atRisk.items.daysSinceLastOrder"));
        assertEquals(t.plusDays(135).toString(), risk.getString("asOf"));
        assertEquals(180, risk.getInt("inactiveDays"));
        assertEquals("3 0 null", figures(churn(f.manager, "asOf=" + t.plusDays(179))).substring(0, 8));
        // 180 days later the orders lie in the earlier window only: all churned
        assertEquals("0 3 1.0000 [] [] []", figures(churn(f.manager, "asOf=" + t.plusDays(180))));
        assertEquals("0 3 1.0000 [] [] []", figures(churn(f.manager, "asOf=" + t.plusDays(359))));
        // 360 days later even the earlier window is empty
        assertEquals("0 0 null [] [] []", figures(churn(f.manager, "asOf=" + t.plusDays(360))));
        // a shorter window: 30 days, at risk from day 23
        assertEquals("2 0 null [c1, c2] [2, 1] [23, 23]", sortedFigures(churn(f.manager, "channelId=" + f.a + "&inactiveDays=30&asOf=" + t.plusDays(23))));
        assertEquals("0 2 1.0000 [] [] []", figures(churn(f.manager, "channelId=" + f.a + "&inactiveDays=30&asOf=" + t.plusDays(30))));
    }

    private static String sortedFigures(JsonPath j) {
        List<Map<String, Object>> items = j.getList("atRisk.items");
        List<Map<String, Object>> sorted = items.stream().sorted((x, y) -> x.get("name").toString().compareTo(y.get("name").toString())).toList();
        return j.getInt("activeCustomers") + " " + j.getInt("churnedCustomers") + " " + j.getString("churnRate") + " "
                + sorted.stream().map(m -> m.get("name")).toList() + " " + sorted.stream().map(m -> m.get("orders")).toList() + " "
                + sorted.stream().map(m -> m.get("daysSinceLastOrder")).toList();
    }

    @Test
    void churnPagesTheAtRiskCustomers() {
        ForesightFixture f = f();
        String q = "/api/v1/analytics/churn?limit=2&asOf=" + f.today.plusDays(150);
        JsonPath first = Api.as(f.manager).get(q).then().statusCode(200).extract().jsonPath();
        assertEquals(2, first.getList("atRisk.items").size());
        JsonPath second = Api.as(f.manager).get(q + "&cursor=" + first.getString("atRisk.nextCursor")).then().statusCode(200)
                .body("atRisk.nextCursor", nullValue()).extract().jsonPath();
        List<String> all = new java.util.ArrayList<>(first.getList("atRisk.items.customerId", String.class));
        all.addAll(second.getList("atRisk.items.customerId", String.class));
        assertEquals(List.of(f.customers.get("c1"), f.customers.get("c2"), f.customers.get("c3")).stream().sorted().toList(),
                all.stream().sorted().toList());
        assertEquals(3, second.getInt("activeCustomers"));
    }

    @Test
    @InvalidRequests("bad asOf, inactiveDays and cursor")
    void churnIsScopedToAPartnersOwnChannel() {
        ForesightFixture f = f();
        String asOf = "asOf=" + f.today.plusDays(140);
        assertEquals("2 0 null [c1, c2] [2, 1] [140, 140]", sortedFigures(churn(f.partnerA, asOf)));
        assertEquals("2 0 null [c1, c2] [2, 1] [140, 140]", sortedFigures(churn(f.partnerA, asOf + "&channelId=" + f.a)));
        assertEquals(f.a, churn(f.partnerA, asOf).getString("channelId"));
        assertEquals("1 0 null [c3] [1] [140]", sortedFigures(churn(f.partnerB, asOf)));
        Api.as(f.partnerA).get("/api/v1/analytics/churn?channelId=" + f.b).then().statusCode(404);
        Api.as(f.manager).get("/api/v1/analytics/churn?channelId=" + java.util.UUID.randomUUID()).then().statusCode(404);
        Api.as(Tokens.token(Tokens.newTenant(), "manager")).get("/api/v1/analytics/churn?channelId=" + f.a).then().statusCode(404);
        Api.as(f.sales).get("/api/v1/analytics/churn").then().statusCode(403);
        Api.as(null).get("/api/v1/analytics/churn").then().statusCode(401);
        Api.as(f.manager).get("/api/v1/analytics/churn?inactiveDays=0").then().statusCode(400).body("errors[0].field", equalTo("inactiveDays"));
        Api.as(f.manager).get("/api/v1/analytics/churn?inactiveDays=x").then().statusCode(400).body("errors[0].field", equalTo("inactiveDays"));
        Api.as(f.manager).get("/api/v1/analytics/churn?asOf=tomorrow").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        Api.as(f.manager).get("/api/v1/analytics/churn?cursor=bm9wZQ").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    // ------------------------------------------------------------------ forecast

    @Test
    void forecastFromTheMonthlyRollups() {
        ForesightFixture f = f();
        LocalDate month = f.today.withDayOfMonth(1);
        // this month is not complete yet: no history
        Api.as(f.manager).get("/api/v1/analytics/forecast?channelId=" + f.a).then().statusCode(200)
                .body("historyMonths", equalTo(0)).body("method", nullValue()).body("currency", equalTo("CNY"))
                .body("months.month", equalTo(List.of(YearMonth.from(month).toString(), YearMonth.from(month.plusMonths(1)).toString(),
                        YearMonth.from(month.plusMonths(2)).toString())))
                .body("months.revenue", equalTo(List.of("0.00", "0.00", "0.00")));
        // a month later: one month of history, naive, no back-test and no band
        Api.as(f.manager).get("/api/v1/analytics/forecast?channelId=" + f.a + "&months=2&asOf=" + month.plusMonths(1)).then().statusCode(200)
                .body("historyMonths", equalTo(1)).body("method", equalTo("NAIVE")).body("backtestMape", nullValue())
                .body("months.month", equalTo(List.of(YearMonth.from(month.plusMonths(1)).toString(), YearMonth.from(month.plusMonths(2)).toString())))
                .body("months.revenue", equalTo(List.of("350.00", "350.00"))).body("months.low", equalTo(java.util.Arrays.asList(null, null)));
        // the tenant: 500
        Api.as(f.manager).get("/api/v1/analytics/forecast?months=1&asOf=" + month.plusMonths(1).plusDays(3)).then().statusCode(200)
                .body("channelId", nullValue()).body("months.revenue", equalTo(List.of("500.00")));
        // four months later: 350, 0, 0, 0 → drift down, floored at 0; back-test fitted on [350] predicts 350 for three
        // zero months: no MAPE (nothing to divide by), RMSE 350, band 1.96 × 350 × √h
        Api.as(f.manager).get("/api/v1/analytics/forecast?channelId=" + f.a + "&asOf=" + month.plusMonths(4)).then().statusCode(200)
                .body("historyMonths", equalTo(4)).body("method", equalTo("DRIFT")).body("backtestMape", nullValue())
                .body("months.revenue", equalTo(List.of("0.00", "0.00", "0.00")))
                .body("months.low", equalTo(List.of("0.00", "0.00", "0.00")))
                .body("months.high", equalTo(List.of("686.00", "970.15", "1188.19")));
    }

    @Test
    @InvalidRequests("bad months and asOf")
    void forecastIsScopedAndValidated() {
        ForesightFixture f = f();
        String asOf = "&asOf=" + f.today.withDayOfMonth(1).plusMonths(1);
        Api.as(f.partnerA).get("/api/v1/analytics/forecast?months=1" + asOf).then().statusCode(200)
                .body("channelId", equalTo(f.a)).body("months.revenue", equalTo(List.of("350.00")));
        Api.as(f.partnerB).get("/api/v1/analytics/forecast?months=1" + asOf).then().statusCode(200)
                .body("channelId", equalTo(f.b)).body("months.revenue", equalTo(List.of("150.00")));
        Api.as(f.partnerB).get("/api/v1/analytics/forecast?channelId=" + f.a).then().statusCode(404);
        Api.as(Tokens.token(Tokens.newTenant(), "manager")).get("/api/v1/analytics/forecast?channelId=" + f.a).then().statusCode(404);
        Api.as(f.sales).get("/api/v1/analytics/forecast").then().statusCode(403);
        Api.as(null).get("/api/v1/analytics/forecast").then().statusCode(401);
        Api.as(f.manager).get("/api/v1/analytics/forecast?months=13").then().statusCode(400).body("errors[0].field", equalTo("months"));
        Api.as(f.manager).get("/api/v1/analytics/forecast?months=0").then().statusCode(400).body("errors[0].field", equalTo("months"));
        Api.as(f.manager).get("/api/v1/analytics/forecast?asOf=2026-02-30").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    // ------------------------------------------------------------------ GraphQL face

    @Test
    void theGraphQLFaceAnswersTheSame() {
        ForesightFixture f = f();
        Api.graphql(f.manager, "{ salesGrowth(groupBy: \"channelType\") { edges { node { key revenue previousRevenue growth share } } } }")
                .then().statusCode(200).body("errors", nullValue())
                .body("data.salesGrowth.edges.node.key", equalTo(List.of("DISTRIBUTOR", "ONLINE_STORE")))
                .body("data.salesGrowth.edges.node.share", equalTo(List.of("0.7000", "0.3000")));
        Api.graphql(f.partnerA, "query($asOf: String) { customerChurn(asOf: $asOf) { channelId activeCustomers churnedCustomers churnRate"
                        + " atRisk { edges { node { name daysSinceLastOrder } } pageInfo { hasNextPage } } } }",
                        Map.of("asOf", f.today.plusDays(180).toString()))
                .then().statusCode(200).body("errors", nullValue()).body("data.customerChurn.channelId", equalTo(f.a))
                .body("data.customerChurn.churnedCustomers", equalTo(2)).body("data.customerChurn.churnRate", equalTo("1.0000"));
        Api.graphql(f.manager, "query($id: ID, $asOf: String) { revenueForecast(channelId: $id, months: 1, asOf: $asOf) { method months { month revenue } } }",
                        Map.of("id", f.b, "asOf", f.today.withDayOfMonth(1).plusMonths(1).toString()))
                .then().statusCode(200).body("errors", nullValue()).body("data.revenueForecast.method", equalTo("NAIVE"))
                .body("data.revenueForecast.months[0].revenue", equalTo("150.00"));
        Api.graphql(f.partnerA, "query($id: ID) { customerChurn(channelId: $id) { activeCustomers } }", Map.of("id", f.b)).then()
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(f.sales, "{ revenueForecast { method } }").then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(f.manager, "{ salesGrowth(groupBy: \"sku\") { edges { node { key } } } }").then()
                .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
    }
}
