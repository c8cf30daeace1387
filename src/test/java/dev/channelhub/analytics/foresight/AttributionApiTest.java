package dev.channelhub.analytics.foresight;

import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code attribution=origin}, {@code thenBy} and the CSV export of the sales report (docs/KPIS.md). On top of
 * {@link ForesightFixture}: a lead sourced by B (the online store), accepted by A, converted with A's order for c5,
 * P1x3 = 300. Closing: A 4 orders 7 units 650, B 2/7/150. Origin: A 3/4/350, B 3/10/450.
 */
@QuarkusTest
class AttributionApiTest {

    private static ForesightFixture fixture;
    private static String leadOrder;

    private static ForesightFixture f() {
        synchronized (AttributionApiTest.class) {
            if (fixture == null) {
                ForesightFixture f = new ForesightFixture();
                Api.as(f.manager).body(Map.of("priority", 10, "match", Map.of("regions", List.of("NORTH")), "target", Map.of("channelId", f.a)))
                        .post("/api/v1/lead-routing-rules").then().statusCode(201);
                Map<String, Object> customer = Map.of("identities", List.of(Map.of("kind", "PHONE", "value", "13800000005")));
                String lead = Api.as(f.sales).body(Map.of("sourceChannelId", f.b, "region", "NORTH", "customer", customer))
                        .post("/api/v1/leads").then().statusCode(201).extract().path("id");
                Api.as(f.partnerA).post("/api/v1/leads/" + lead + "/accept").then().statusCode(200);
                leadOrder = Api.as(f.sales).body(Map.of("channelId", f.a, "customer", Map.of("name", "c5", "identities", customer.get("identities")),
                                "lines", List.of(Map.of("sku", "P1", "quantity", 3))))
                        .post("/api/v1/orders").then().statusCode(201).extract().path("id");
                Api.as(f.sales).body(Map.of("orderId", leadOrder)).post("/api/v1/leads/" + lead + "/convert").then().statusCode(200);
                fixture = f;
            }
            return fixture;
        }
    }

    private static List<String> rows(String token, String query) {
        JsonPath json = Api.as(token).get("/api/v1/analytics/sales?" + query).then().statusCode(200).extract().jsonPath();
        assertEquals(null, json.getString("nextCursor"));
        return json.getList("items", Map.class).stream()
                .map(r -> r.get("key") + (r.get("thenKey") == null ? "" : " " + r.get("thenKey")) + " " + r.get("label") + " " + r.get("orders")
                        + " " + r.get("units") + " " + r.get("revenue") + " " + r.get("averageOrderValue"))
                .toList();
    }

    private static String today(ForesightFixture f) {
        return "&from=" + f.today + "&to=" + f.today;
    }

    @Test
    void originCreditsTheConvertedLeadsOrderToTheSourceChannel() {
        ForesightFixture f = f();
        List<String> closing = rows(f.manager, "groupBy=channel" + today(f));
        assertEquals(true, closing.contains(f.a + " Channel A 4 7 650.00 162.50"), closing.toString());
        assertEquals(true, closing.contains(f.b + " Channel B 2 7 150.00 75.00"), closing.toString());
        assertEquals(closing, rows(f.manager, "groupBy=channel&attribution=closing" + today(f)));
        List<String> origin = rows(f.manager, "groupBy=channel&attribution=origin" + today(f));
        assertEquals(2, origin.size());
        assertEquals(true, origin.contains(f.a + " Channel A 3 4 350.00 116.67"), origin.toString());
        assertEquals(true, origin.contains(f.b + " Channel B 3 10 450.00 150.00"), origin.toString());
        assertEquals(List.of("DISTRIBUTOR DISTRIBUTOR 3 4 350.00 116.67", "ONLINE_STORE ONLINE_STORE 3 10 450.00 150.00"),
                rows(f.manager, "groupBy=channelType&attribution=origin" + today(f)));
        // one channel's SKUs: B gains A's P1 order
        assertEquals(List.of("P1 Product P1 1 3 300.00 300.00", "P2 Product P2 1 2 100.00 100.00", "P3 Product P3 1 5 50.00 50.00"),
                rows(f.manager, "groupBy=sku&attribution=origin&channelId=" + f.b + today(f)));
        // no channel in the report: the totals do not move
        assertEquals(rows(f.manager, "groupBy=sku" + today(f)), rows(f.manager, "groupBy=sku&attribution=origin" + today(f)));
        // a month read from month rows: the same
        String month = "&from=" + f.today.withDayOfMonth(1) + "&to=" + f.today.withDayOfMonth(f.today.lengthOfMonth());
        assertEquals(List.of("DISTRIBUTOR DISTRIBUTOR 3 4 350.00 116.67", "ONLINE_STORE ONLINE_STORE 3 10 450.00 150.00"),
                rows(f.manager, "groupBy=channelType&attribution=origin" + month));
    }

    @Test
    void partnersSeeTheirOwnChannelUnderEitherAttribution() {
        ForesightFixture f = f();
        assertEquals(List.of(f.a + " Channel A 3 4 350.00 116.67"), rows(f.partnerA, "groupBy=channel&attribution=origin" + today(f)));
        assertEquals(List.of(f.b + " Channel B 3 10 450.00 150.00"), rows(f.partnerB, "groupBy=channel&attribution=origin" + today(f)));
        assertEquals(List.of(f.b + " Channel B 2 7 150.00 75.00"), rows(f.partnerB, "groupBy=channel" + today(f)));
        Api.as(f.partnerB).get("/api/v1/analytics/sales?groupBy=channel&attribution=origin&channelId=" + f.a).then().statusCode(404);
    }

    @Test
    void crossTabsAreKeyedByBothDimensions() {
        ForesightFixture f = f();
        String month = f.today.toString().substring(0, 7);
        assertEquals(List.of("DISTRIBUTOR " + month + " DISTRIBUTOR 4 7 650.00 162.50", "ONLINE_STORE " + month + " ONLINE_STORE 2 7 150.00 75.00"),
                rows(f.manager, "groupBy=channelType&thenBy=month" + today(f)));
        assertEquals(List.of("P1 DISTRIBUTOR Product P1 3 6 600.00 200.00", "P2 DISTRIBUTOR Product P2 1 1 50.00 50.00",
                        "P2 ONLINE_STORE Product P2 1 2 100.00 100.00", "P3 ONLINE_STORE Product P3 1 5 50.00 50.00"),
                rows(f.manager, "groupBy=sku&thenBy=channelType" + today(f)));
        assertEquals(List.of("P1 DISTRIBUTOR Product P1 2 3 300.00 150.00", "P1 ONLINE_STORE Product P1 1 3 300.00 300.00",
                        "P2 DISTRIBUTOR Product P2 1 1 50.00 50.00", "P2 ONLINE_STORE Product P2 1 2 100.00 100.00",
                        "P3 ONLINE_STORE Product P3 1 5 50.00 50.00"),
                rows(f.manager, "groupBy=sku&thenBy=channelType&attribution=origin" + today(f)));
        Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=channelType&thenBy=sku" + today(f)).then().statusCode(200)
                .body("items[0].thenLabel", equalTo("Product P1")).body("items[0].label", equalTo("DISTRIBUTOR"));
        // paging through the cells
        JsonPath first = Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=sku&thenBy=channelType&limit=3" + today(f)).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("P1", "P2", "P2"), first.getList("items.key"));
        Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=sku&thenBy=channelType&limit=3&cursor=" + first.getString("nextCursor") + today(f))
                .then().statusCode(200).body("items.key", equalTo(List.of("P3"))).body("items.thenKey", equalTo(List.of("ONLINE_STORE")))
                .body("nextCursor", nullValue());
        Api.graphql(f.manager, "query($from: String) { salesReport(groupBy: \"channelType\", thenBy: \"month\", attribution: \"origin\", from: $from, to: $from)"
                        + " { edges { node { key thenKey revenue } } } }", Map.of("from", f.today.toString()))
                .then().statusCode(200).body("errors", nullValue())
                .body("data.salesReport.edges.node.revenue", equalTo(List.of("350.00", "450.00")))
                .body("data.salesReport.edges.node.thenKey", equalTo(List.of(month, month)));
    }

    @Test
    @InvalidRequests("bad thenBy and attribution")
    void badThenByAndAttributionAreRefused() {
        ForesightFixture f = f();
        Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=sku&thenBy=category").then().statusCode(400).body("errors[0].field", equalTo("thenBy"));
        Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=day&thenBy=day").then().statusCode(400).body("errors[0].field", equalTo("thenBy"));
        Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=day&thenBy=week").then().statusCode(400).body("errors[0].field", equalTo("thenBy"));
        Api.as(f.manager).get("/api/v1/analytics/sales?groupBy=day&attribution=first").then().statusCode(400)
                .body("errors[0].field", equalTo("attribution"));
        Api.graphql(f.manager, "{ salesReport(groupBy: \"day\", thenBy: \"month\") { edges { node { key } } } }").then()
                .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void theReportAsCsv() {
        ForesightFixture f = f();
        String csv = RestAssured.given().header("Authorization", "Bearer " + f.manager).accept("text/csv")
                .get("/api/v1/analytics/sales?groupBy=channelType" + today(f)).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertEquals("key,label,currency,orders,units,revenue,averageOrderValue\r\n"
                + "DISTRIBUTOR,DISTRIBUTOR,CNY,4,7,650.00,162.50\r\nONLINE_STORE,ONLINE_STORE,CNY,2,7,150.00,75.00\r\n", csv);
        String cross = RestAssured.given().header("Authorization", "Bearer " + f.partnerB).accept("text/csv")
                .get("/api/v1/analytics/sales?groupBy=channelType&thenBy=sku&attribution=origin" + today(f)).then().statusCode(200)
                .extract().asString();
        assertEquals("key,label,thenKey,thenLabel,currency,orders,units,revenue,averageOrderValue\r\n"
                + "ONLINE_STORE,ONLINE_STORE,P1,Product P1,CNY,1,3,300.00,300.00\r\n"
                + "ONLINE_STORE,ONLINE_STORE,P2,Product P2,CNY,1,2,100.00,100.00\r\n"
                + "ONLINE_STORE,ONLINE_STORE,P3,Product P3,CNY,1,5,50.00,50.00\r\n", cross);
    }

    @Test
    @InvalidRequests("a bad groupBy as CSV")
    void csvRefusesLikeJson() {
        ForesightFixture f = f();
        RestAssured.given().header("Authorization", "Bearer " + f.manager).accept("text/csv")
                .get("/api/v1/analytics/sales?groupBy=week").then().statusCode(400);
        RestAssured.given().header("Authorization", "Bearer " + f.sales).accept("text/csv")
                .get("/api/v1/analytics/sales?groupBy=day").then().statusCode(403);
        RestAssured.given().accept("text/csv").get("/api/v1/analytics/sales?groupBy=day").then().statusCode(401);
    }
}
