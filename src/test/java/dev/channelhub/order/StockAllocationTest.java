package dev.channelhub.order;

import dev.channelhub.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.channelhub.order.OrderFixture.order;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where stock is reserved and shipped from (contract §4 Orders: locations by priority, then most available), the
 * tie-break after that (location code), and on hand never set below what is reserved.
 */
@QuarkusTest
class StockAllocationTest {

    private static void location(OrderFixture f, String code, int priority) {
        Api.as(f.admin).body(Map.of("code", code, "name", code, "type", "WAREHOUSE", "priority", priority))
                .post("/api/v1/locations").then().statusCode(201);
    }

    private static void set(OrderFixture f, String location, String sku, long onHand) {
        Api.as(f.admin).body(Map.of("onHand", onHand)).put("/api/v1/stock/" + location + "/" + sku).then().statusCode(200);
    }

    /** {onHand, reserved} of one location. */
    private static List<Integer> level(OrderFixture f, String location, String sku) {
        var r = Api.as(f.admin).get("/api/v1/stock/" + location + "/" + sku).then().statusCode(200).extract();
        return List.of(r.path("onHand"), r.path("reserved"));
    }

    private static Map<String, Integer> reservations(OrderFixture f, String orderId) {
        List<Map<String, Object>> rows = Api.as(f.sales).get("/api/v1/orders/" + orderId).then().statusCode(200)
                .extract().path("reservations");
        Map<String, Integer> out = new java.util.TreeMap<>();
        rows.forEach(r -> out.merge((String) r.get("locationCode"), (Integer) r.get("quantity"), Integer::sum));
        return out;
    }

    @Test
    void afterPriorityTheMostAvailableLocationGivesFirstThenTheSmallerCode() {
        OrderFixture f = OrderFixture.create().products(Map.of("X", "1", "Y", "1"));
        // Created in an order that is neither code nor stock order, so neither can win by accident.
        location(f, "C-BIG", 1);
        location(f, "HI", 5);
        location(f, "B-SMALL", 1);
        set(f, "HI", "X", 2);
        set(f, "B-SMALL", "X", 3);
        set(f, "C-BIG", "X", 6);
        // Priority first (HI's 2), then the most available (C-BIG, although B-SMALL has the smaller code).
        String first = f.placed(order(f.online, "X", 4));
        assertEquals(Map.of("C-BIG", 2, "HI", 2), reservations(f, first));
        assertEquals(List.of(3, 0), level(f, "B-SMALL", "X"));

        // Equal priority and equal availability: the smaller code gives first.
        location(f, "E-TWIN", 1);
        location(f, "D-TWIN", 1);
        set(f, "E-TWIN", "Y", 4);
        set(f, "D-TWIN", "Y", 4);
        String second = f.placed(order(f.online, "Y", 3));
        assertEquals(Map.of("D-TWIN", 3), reservations(f, second));
        assertEquals(List.of(4, 0), level(f, "E-TWIN", "Y"));
        // Now E-TWIN has more available (4 against 1): it gives first, then D-TWIN the rest.
        String third = f.placed(order(f.online, "Y", 5));
        assertEquals(Map.of("D-TWIN", 1, "E-TWIN", 4), reservations(f, third));
    }

    @Test
    void onHandIsNeverSetBelowTheReservedQuantity() {
        OrderFixture f = OrderFixture.create().products(Map.of("X", "1")).stock("X", 5);
        f.placed(order(f.online, "X", 3));
        Api.as(f.admin).body(Map.of("onHand", 2)).put("/api/v1/stock/WH/X").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("onHand"));
        Api.as(f.admin).body(Map.of("locationCode", "WH", "sku", "X", "delta", -3, "reason", "count"))
                .post("/api/v1/stock/adjustments").then().statusCode(400).body("errors[0].field", equalTo("delta"));
        assertEquals(List.of(5, 3), level(f, "WH", "X"), "the refused changes changed nothing");
        Api.as(f.admin).get("/api/v1/stock/ledger?sku=X").then().body("items.kind", equalTo(List.of("SET", "RESERVE")));
        // Exactly the reserved quantity is allowed: nothing left to sell, everything promised still there.
        Api.as(f.admin).body(Map.of("onHand", 3)).put("/api/v1/stock/WH/X").then().statusCode(200)
                .body("onHand", equalTo(3)).body("reserved", equalTo(3)).body("available", equalTo(0));
    }

    @Test
    void shipmentsTakeFromTheReservedLocationsByPriorityThenCode() {
        OrderFixture f = OrderFixture.create().products(Map.of("X", "1"));
        location(f, "C-LOW", 1);
        location(f, "HI", 5);
        location(f, "B-LOW", 1);
        set(f, "HI", "X", 2);
        set(f, "B-LOW", "X", 3);
        set(f, "C-LOW", "X", 3);
        String id = f.placed(order(f.online, "X", 7));
        assertEquals(Map.of("B-LOW", 3, "C-LOW", 2, "HI", 2), reservations(f, id));
        Api.as(f.sales).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);

        Api.as(f.sales).body(Map.of("lines", List.of(Map.of("sku", "X", "quantity", 4)))).post("/api/v1/orders/" + id + "/shipments")
                .then().statusCode(201);
        assertEquals(List.of(0, 0), level(f, "HI", "X"), "the highest priority ships first");
        assertEquals(List.of(1, 1), level(f, "B-LOW", "X"), "then the smaller code");
        assertEquals(List.of(3, 2), level(f, "C-LOW", "X"));

        Api.as(f.sales).body(Map.of("lines", List.of(Map.of("sku", "X", "quantity", 3)))).post("/api/v1/orders/" + id + "/shipments")
                .then().statusCode(201);
        assertEquals(List.of(0, 0), level(f, "B-LOW", "X"));
        assertEquals(List.of(1, 0), level(f, "C-LOW", "X"), "C-LOW keeps the unit it never reserved");
        Api.as(f.sales).get("/api/v1/orders/" + id).then().body("status", equalTo("SHIPPED"));
    }
}
