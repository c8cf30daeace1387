package dev.channelhub.analytics;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class InventoryAnalyticsTest {

    @Inject
    Db db;

    private long lowEvents(String tenant) {
        return db.one("select count(*) from event_outbox where tenant_id = $1 and type = 'stock.low'", Tuple.of(tenant), r -> r.getLong(0))
                .await().indefinitely().orElseThrow();
    }

    /** Moves the tenant's ledger rows (all, or only those of the last hour) to noon of {@code day} in Asia/Shanghai. */
    private void moveLedger(String tenant, LocalDate day, boolean recentOnly) {
        db.query("update stock_ledger set occurred_at = ($2::text || ' 12:00:00+08')::timestamptz where tenant_id = $1"
                + (recentOnly ? " and occurred_at > now() - interval '1 hour'" : ""), Tuple.of(tenant, day.toString())).await().indefinitely();
    }

    private static String setup(String admin) {
        String ch = Api.as(admin).body(Map.of("code", "ON", "name", "Online", "type", "ONLINE_STORE")).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
        Api.as(admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE")).post("/api/v1/locations").then().statusCode(201);
        Api.as(admin).body(Map.of("code", "ST", "name", "Store", "type", "STORE")).post("/api/v1/locations").then().statusCode(201);
        Api.as(admin).body(Map.of("sku", "K1", "name", "Kettle", "floorPrice", "80.00")).post("/api/v1/products").then().statusCode(201);
        Api.as(admin).body(Map.of("sku", "K2", "name", "Lid")).post("/api/v1/products").then().statusCode(201);
        Api.as(admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries",
                List.of(Map.of("sku", "K1", "price", "100.00"), Map.of("sku", "K2", "price", "5.00")))).post("/api/v1/price-lists").then().statusCode(201);
        return ch;
    }

    private static String order(String sales, String channel, String sku, int qty) {
        return Api.as(sales).body(Map.of("channelId", channel, "lines", List.of(Map.of("sku", sku, "quantity", qty))))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    @Test
    void manualSetsAndAdjustmentsEmitStockLowOnlyWhenTheyCrossTheThreshold() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        setup(admin);
        Api.as(admin).body(Map.of("onHand", 8)).put("/api/v1/stock/WH/K1").then().statusCode(200);
        Api.as(admin).body(Map.of("onHand", 4)).put("/api/v1/stock/ST/K1").then().statusCode(200);
        Api.as(manager).body(Map.of("threshold", 10)).put("/api/v1/analytics/inventory/thresholds/K1").then().statusCode(200);

        Api.as(admin).body(Map.of("locationCode", "WH", "sku", "K1", "delta", 5, "reason", "receipt"))
                .post("/api/v1/stock/adjustments").then().statusCode(201);          // 12 -> 17: up, nothing
        Api.as(admin).body(Map.of("locationCode", "WH", "sku", "K1", "delta", -7, "reason", "damaged"))
                .post("/api/v1/stock/adjustments").then().statusCode(201);          // 17 -> 10: still at the threshold
        assertEquals(0, lowEvents(tenant));
        Api.as(admin).body(Map.of("locationCode", "ST", "sku", "K1", "delta", -1, "reason", "damaged"))
                .post("/api/v1/stock/adjustments").then().statusCode(201);          // 10 -> 9: crosses
        assertEquals(1, lowEvents(tenant));
        db.one("select payload from event_outbox where tenant_id = $1 and type = 'stock.low'", Tuple.of(tenant), r -> r.getJsonObject(0))
                .await().indefinitely().ifPresent(p -> {
                    assertEquals("K1", p.getString("sku"));
                    assertEquals(9L, p.getLong("available"));
                    assertEquals("ST", p.getString("locationCode"));
                    assertEquals("ADJUST", p.getString("kind"));
                });
        Api.as(admin).body(Map.of("onHand", 2)).put("/api/v1/stock/WH/K1").then().statusCode(200);   // 9 -> 5: already below
        assertEquals(1, lowEvents(tenant));
        Api.as(admin).body(Map.of("onHand", 20)).put("/api/v1/stock/WH/K1").then().statusCode(200);  // back up to 23
        Api.as(admin).body(Map.of("onHand", 5)).put("/api/v1/stock/WH/K1").then().statusCode(200);   // 23 -> 8: crosses again
        assertEquals(2, lowEvents(tenant));
        // A refused adjustment (below zero) changes nothing and emits nothing.
        Api.as(admin).body(Map.of("locationCode", "ST", "sku", "K1", "delta", -100, "reason", "x"))
                .post("/api/v1/stock/adjustments").then().statusCode(400);
        assertEquals(2, lowEvents(tenant));
    }

    @Test
    @InvalidRequests("a negative threshold, to see 400")
    void thresholdsLowStockListAndStockLowEventsWhenAReservationCrossesTheThreshold() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String sales = Tokens.token(tenant, "sales");
        String ch = setup(admin);
        Api.as(admin).body(Map.of("onHand", 8)).put("/api/v1/stock/WH/K1").then().statusCode(200);
        Api.as(admin).body(Map.of("onHand", 4)).put("/api/v1/stock/ST/K1").then().statusCode(200);
        Api.as(admin).body(Map.of("onHand", 3)).put("/api/v1/stock/WH/K2").then().statusCode(200);

        Api.as(manager).body(Map.of("threshold", 10)).put("/api/v1/analytics/inventory/thresholds/K1").then().statusCode(200)
                .header("ETag", "\"1\"").body("sku", equalTo("K1")).body("threshold", equalTo(10)).body("version", equalTo(1));
        Api.as(manager).get("/api/v1/analytics/inventory/low-stock").then().statusCode(200).body("items.size()", equalTo(0));

        order(sales, ch, "K1", 1);  // 12 -> 11: still at or above 10
        assertEquals(0, lowEvents(tenant));
        order(sales, ch, "K1", 3);  // 11 -> 8: crosses
        assertEquals(1, lowEvents(tenant));
        order(sales, ch, "K1", 1);  // 8 -> 7: already below, no new event
        assertEquals(1, lowEvents(tenant));
        order(sales, ch, "K2", 3);  // no threshold: never low
        assertEquals(1, lowEvents(tenant));
        db.one("select payload from event_outbox where tenant_id = $1 and type = 'stock.low'", Tuple.of(tenant), r -> r.getJsonObject(0))
                .await().indefinitely().ifPresent(p -> {
                    assertEquals("K1", p.getString("sku"));
                    assertEquals(8L, p.getLong("available"));
                    assertEquals(10L, p.getLong("threshold"));
                });

        Api.as(manager).get("/api/v1/analytics/inventory/low-stock").then().statusCode(200)
                .body("items.sku", equalTo(List.of("K1"))).body("items[0].available", equalTo(7)).body("items[0].onHand", equalTo(12))
                .body("items[0].reserved", equalTo(5)).body("items[0].threshold", equalTo(10)).body("items[0].name", equalTo("Kettle"));
        Api.graphql(manager, "{ lowStock { edges { node { sku available threshold } } } }").then().body("errors", nullValue())
                .body("data.lowStock.edges[0].node.available", equalTo(7));

        // If-Match, validation, roles, unknown SKU, another tenant
        Api.as(manager).header("If-Match", "\"7\"").body(Map.of("threshold", 5)).put("/api/v1/analytics/inventory/thresholds/K1")
                .then().statusCode(412).body("code", equalTo("VERSION_CONFLICT"));
        Api.as(manager).header("If-Match", "\"1\"").body(Map.of("threshold", 5)).put("/api/v1/analytics/inventory/thresholds/K1")
                .then().statusCode(200).body("version", equalTo(2));
        Api.as(manager).get("/api/v1/analytics/inventory/low-stock").then().body("items.size()", equalTo(0));
        Api.as(manager).body(Map.of("threshold", -1)).put("/api/v1/analytics/inventory/thresholds/K1").then().statusCode(400)
                .body("errors.field", hasItem("threshold"));
        Api.as(manager).body(Map.of()).put("/api/v1/analytics/inventory/thresholds/K1").then().statusCode(400)
                .body("errors.field", hasItem("threshold"));
        Api.as(manager).body("{\"threshold\": \"many\"}").put("/api/v1/analytics/inventory/thresholds/K1").then().statusCode(400);
        Api.as(manager).body(Map.of("threshold", 1)).put("/api/v1/analytics/inventory/thresholds/NOPE").then().statusCode(404);
        Api.as(sales).body(Map.of("threshold", 1)).put("/api/v1/analytics/inventory/thresholds/K1").then().statusCode(403);
        Api.as(sales).get("/api/v1/analytics/inventory/low-stock").then().statusCode(403);
        Api.as(null).get("/api/v1/analytics/inventory/low-stock").then().statusCode(401);
        String stranger = Tokens.token(Tokens.newTenant(), "manager");
        Api.as(stranger).get("/api/v1/analytics/inventory/thresholds/K1").then().statusCode(404);
        Api.as(stranger).body(Map.of("threshold", 1)).put("/api/v1/analytics/inventory/thresholds/K1").then().statusCode(404);
        Api.graphql(manager, "mutation { setStockThreshold(sku: \"K2\", input: {threshold: 4}) { sku threshold version } }").then()
                .body("errors", nullValue()).body("data.setStockThreshold.version", equalTo(1));
        Api.as(manager).get("/api/v1/analytics/inventory/low-stock").then().body("items.sku", equalTo(List.of("K2")))
                .body("items[0].available", equalTo(0));
    }

    @Test
    void turnoverIsUnitsShippedOverAverageOnHandAndStockIsValuedAtTheFloorPrice() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String sales = Tokens.token(tenant, "sales");
        String ch = setup(admin);
        Api.as(admin).body(Map.of("onHand", 100)).put("/api/v1/stock/WH/K1").then().statusCode(200);
        Api.as(admin).body(Map.of("onHand", 10)).put("/api/v1/stock/WH/K2").then().statusCode(200);
        // The period is one day a week back in the tenant's zone, so the test never straddles a midnight (16:00 UTC):
        // the opening stock was set three days before it, the shipment happened at its noon.
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(7);
        moveLedger(tenant, day.minusDays(3), false);
        String id = order(sales, ch, "K1", 20);
        Api.as(sales).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        Api.as(sales).body(Map.of("lines", List.of(Map.of("sku", "K1", "quantity", 20)))).post("/api/v1/orders/" + id + "/shipments")
                .then().statusCode(201);
        moveLedger(tenant, day, true);
        String period = day.toString();
        // opening 100, closing 80, shipped 20: average 90, turnover 20 / 90
        Api.as(manager).get("/api/v1/analytics/inventory/turnover?from=" + period + "&to=" + period).then().statusCode(200)
                .body("items.sku", equalTo(List.of("K1", "K2")))
                .body("items[0].locationCode", equalTo("WH")).body("items[0].openingOnHand", equalTo(100))
                .body("items[0].closingOnHand", equalTo(80)).body("items[0].unitsShipped", equalTo(20))
                .body("items[0].averageOnHand", equalTo("90.0")).body("items[0].turnover", equalTo("0.2222"))
                .body("items[0].stockValue", equalTo("6400.00")).body("items[0].currency", equalTo("CNY"))
                .body("items[1].turnover", equalTo("0.0000")).body("items[1].stockValue", nullValue());
        Api.as(manager).get("/api/v1/analytics/inventory/turnover?sku=K1&locationCode=WH&from=" + period + "&to=" + period).then()
                .body("items.size()", equalTo(1));
        Api.as(manager).get("/api/v1/analytics/inventory/turnover?locationCode=ST&from=" + period + "&to=" + period).then()
                .body("items.size()", equalTo(0));
        // a period before any stock: nothing on hand, no turnover
        Api.as(manager).get("/api/v1/analytics/inventory/turnover?sku=K1&from=2020-01-01&to=2020-01-31").then()
                .body("items[0].openingOnHand", equalTo(0)).body("items[0].closingOnHand", equalTo(0)).body("items[0].turnover", nullValue());
        Api.as(manager).get("/api/v1/analytics/inventory/turnover?from=2020-02-01&to=2020-01-01").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        Api.as(manager).get("/api/v1/analytics/inventory/turnover?limit=1").then().statusCode(200).body("items.size()", equalTo(1));
        Api.as(sales).get("/api/v1/analytics/inventory/turnover").then().statusCode(403);
        Api.as(Tokens.token(Tokens.newTenant(), "manager")).get("/api/v1/analytics/inventory/turnover").then().body("items.size()", equalTo(0));
        Api.graphql(manager, "query($d: String) { inventoryTurnover(from: $d, to: $d, sku: \"K1\") { edges { node { turnover unitsShipped } } } }",
                Map.of("d", period)).then().body("errors", nullValue()).body("data.inventoryTurnover.edges[0].node.unitsShipped", equalTo(20));
    }
}
