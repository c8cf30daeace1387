package dev.channelhub.analytics.foresight;

import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** predictedLifetimeValue on customer stats (docs/KPIS.md), through both faces, batched for a page of customers. */
@QuarkusTest
class PredictedLifetimeValueApiTest {

    private static ForesightFixture fixture;

    private static ForesightFixture f() {
        synchronized (PredictedLifetimeValueApiTest.class) {
            if (fixture == null) {
                fixture = new ForesightFixture();
            }
            return fixture;
        }
    }

    private static final String PAGE = "query($n: Int) { customers(first: $n) { edges { node { name stats { orderCount averageOrderValue"
            + " lifetimeValue predictedLifetimeValue } } } } }";

    private static Map<String, String> page(String token, int n) {
        JsonPath json = Api.graphql(token, PAGE, Map.of("n", n)).then().statusCode(200).body("errors", nullValue()).extract().jsonPath();
        Map<String, String> out = new HashMap<>();
        for (Map<String, Object> node : json.<Map<String, Object>>getList("data.customers.edges.node")) {
            @SuppressWarnings("unchecked") Map<String, Object> s = (Map<String, Object>) node.get("stats");
            out.put(String.valueOf(node.get("name")), s.get("orderCount") + " " + s.get("averageOrderValue") + " " + s.get("lifetimeValue") + " "
                    + s.get("predictedLifetimeValue"));
        }
        return out;
    }

    @Test
    void predictedFromPaceAndRecency() {
        ForesightFixture f = f();
        Map<String, String> all = page(f.manager, 50);
        // c1: 2 orders today (200 + 50), interval at least 30 days, recency ~0: 125.00 × 365 ÷ 30 = 1520.83
        assertEquals("2 125.00 250.00 1520.83", all.get("c1"));
        // one order: one more expected per 365 days
        assertEquals("1 100.00 100.00 100.00", all.get("c2"));
        assertEquals("1 100.00 100.00 100.00", all.get("c3"));
        // only a cancelled order: nothing
        assertEquals("0 0.00 0.00 0.00", all.get("c4"));
        Api.as(f.manager).get("/api/v1/customers/" + f.customers.get("c1") + "/360").then().statusCode(200)
                .body("lifetimeValue", equalTo("250.00")).body("predictedLifetimeValue", equalTo("1520.83"));
    }

    @Test
    void aPartnersPredictionIsFromItsOwnChannelsOrders() {
        ForesightFixture f = f();
        Api.graphql(f.partnerA, "query($id: ID!) { customer(id: $id) { stats { orderCount predictedLifetimeValue } } }",
                        Map.of("id", f.customers.get("c1")))
                .then().statusCode(200).body("errors", nullValue())
                .body("data.customer.stats.orderCount", equalTo(2)).body("data.customer.stats.predictedLifetimeValue", equalTo("1520.83"));
        Api.as(f.partnerB).get("/api/v1/customers/" + f.customers.get("c3") + "/360").then().statusCode(200)
                .body("predictedLifetimeValue", equalTo("100.00"));
        Api.as(f.partnerB).get("/api/v1/customers/" + f.customers.get("c1") + "/360").then().statusCode(404);
    }

    @Test
    void aPageOfCustomersCostsAsManyStatementsAsOne() {
        ForesightFixture f = f();
        page(f.manager, 1); // warm up
        long before = SqlCounter.current();
        assertEquals(1, page(f.manager, 1).size());
        long one = SqlCounter.current() - before;
        before = SqlCounter.current();
        assertEquals(4, page(f.manager, 50).size());
        long four = SqlCounter.current() - before;
        assertEquals(one, four, "stats with predictedLifetimeValue are batched for the page");
        assertEquals(List.of(), List.of());
    }
}
