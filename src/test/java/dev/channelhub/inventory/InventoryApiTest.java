package dev.channelhub.inventory;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InventoryApiTest {

    static String channel(String token, String code, String type) {
        return Api.as(token).body(Map.of("code", code, "name", code, "type", type)).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
    }

    static void location(String token, String code, int priority, List<String> channelIds) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", "Loc " + code, "type", "WAREHOUSE", "priority", priority));
        if (channelIds != null) {
            body.put("channelIds", channelIds);
        }
        Api.as(token).body(body).post("/api/v1/locations").then().statusCode(201);
    }

    static void setStock(String token, String location, String sku, long onHand) {
        Api.as(token).body(Map.of("onHand", onHand)).put("/api/v1/stock/" + location + "/" + sku).then().statusCode(200);
    }

    @Test
    @InvalidRequests("an unknown location type, to see 400")
    void locationsAreCreatedListedAndUnique() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String id = Api.as(admin).body(Map.of("code", "WH-1", "name", "Main", "type", "WAREHOUSE", "region", "EAST", "priority", 5))
                .post("/api/v1/locations").then().statusCode(201).body("channelIds", nullValue()).body("priority", equalTo(5))
                .extract().path("id");
        Api.as(admin).get("/api/v1/locations/" + id).then().statusCode(200).header("ETag", "\"1\"").body("code", equalTo("WH-1"));
        Api.as(admin).body(Map.of("code", "WH-1", "name", "Again", "type", "STORE")).post("/api/v1/locations")
                .then().statusCode(409).body("code", equalTo("DUPLICATE"));
        Api.as(admin).body(Map.of("code", "X", "name", "Bad", "type", "SHOP")).post("/api/v1/locations")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("type"));
        Api.as(admin).body(Map.of("code", "X", "name", "Bad", "type", "STORE", "channelIds", List.of("nope")))
                .post("/api/v1/locations").then().statusCode(400).body("errors.field", hasItem("channelIds[0]"));
        Api.as(admin).get("/api/v1/locations").then().statusCode(200).body("items.size()", equalTo(1));
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/locations/" + id).then().statusCode(404);
        Api.as(Tokens.token(Tokens.newTenant(), "sales")).body(Map.of("code", "S", "name", "S", "type", "STORE"))
                .post("/api/v1/locations").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        Api.as(null).get("/api/v1/locations").then().statusCode(401);
    }

    @Test
    @InvalidRequests("a negative onHand, to see 400")
    void setAdjustAndLedgerSumToTheStock() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        location(admin, "WH", 0, null);
        Api.as(admin).body(Map.of("onHand", 10)).put("/api/v1/stock/WH/SKU-1").then().statusCode(200)
                .header("ETag", "\"2\"").body("onHand", equalTo(10)).body("available", equalTo(10));
        Api.as(admin).header("If-Match", "\"1\"").body(Map.of("onHand", 12)).put("/api/v1/stock/WH/SKU-1")
                .then().statusCode(412).body("code", equalTo("VERSION_CONFLICT"));
        Api.as(admin).header("If-Match", "\"2\"").body(Map.of("onHand", 12)).put("/api/v1/stock/WH/SKU-1")
                .then().statusCode(200).body("onHand", equalTo(12)).body("version", equalTo(3));
        Api.as(admin).body(Map.of("onHand", -1)).put("/api/v1/stock/WH/SKU-1").then().statusCode(400).body("errors.field", hasItem("onHand"));
        Api.as(admin).body(Map.of("onHand", 1)).put("/api/v1/stock/NOPE/SKU-1").then().statusCode(404);
        Api.as(admin).body(Map.of("locationCode", "WH", "sku", "SKU-1", "delta", -5, "reason", "damaged"))
                .post("/api/v1/stock/adjustments").then().statusCode(201).body("kind", equalTo("ADJUST"))
                .body("onHandAfter", equalTo(7)).body("onHandDelta", equalTo(-5)).body("reason", equalTo("damaged"));
        Api.as(admin).body(Map.of("locationCode", "WH", "sku", "SKU-1", "delta", -8, "reason", "too much"))
                .post("/api/v1/stock/adjustments").then().statusCode(400).body("errors.field", hasItem("delta"));
        Api.as(admin).body(Map.of("locationCode", "WH", "sku", "SKU-1", "delta", 0, "reason", "x"))
                .post("/api/v1/stock/adjustments").then().statusCode(400).body("errors.field", hasItem("delta"));
        Api.as(admin).body(Map.of("locationCode", "WH", "sku", "SKU-1", "delta", 3))
                .post("/api/v1/stock/adjustments").then().statusCode(400).body("errors.field", hasItem("reason"));
        // Idempotent adjustment: a retry does not count twice.
        for (int i = 0; i < 2; i++) {
            Api.as(admin).header("Idempotency-Key", "adj-1").body(Map.of("locationCode", "WH", "sku", "SKU-1", "delta", 3, "reason", "found"))
                    .post("/api/v1/stock/adjustments").then().statusCode(201).body("onHandAfter", equalTo(10));
        }
        Api.as(admin).get("/api/v1/stock/WH/SKU-1").then().statusCode(200).body("onHand", equalTo(10));
        List<Integer> deltas = Api.as(admin).get("/api/v1/stock/ledger?sku=SKU-1&limit=2").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("nextCursor", notNullValue()).extract().path("items.onHandDelta");
        String cursor = Api.as(admin).get("/api/v1/stock/ledger?sku=SKU-1&limit=2").then().extract().path("nextCursor");
        List<Integer> rest = Api.as(admin).get("/api/v1/stock/ledger?sku=SKU-1&limit=2&cursor=" + cursor).then().statusCode(200)
                .extract().path("items.onHandDelta");
        int sum = deltas.stream().mapToInt(Integer::intValue).sum() + rest.stream().mapToInt(Integer::intValue).sum();
        assertEquals(4, deltas.size() + rest.size());
        assertEquals(10, sum);
        Api.as(admin).get("/api/v1/stock/ledger?locationCode=WH").then().statusCode(200).body("items.size()", equalTo(4))
                .body("items[0].kind", equalTo("SET")).body("items[0].actor", equalTo("user-admin"));
        Api.as(admin).get("/api/v1/stock/ledger?cursor=garbage").then().statusCode(400);
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/stock/ledger?sku=SKU-1").then().body("items.size()", equalTo(0));
    }

    @Test
    void availableToPromiseCountsOnlyLocationsServingTheChannel() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String online = channel(admin, "ONLINE", "ONLINE_STORE");
        String dealer = channel(admin, "DEALER", "DISTRIBUTOR");
        location(admin, "CENTRAL", 10, null);
        location(admin, "SHOP", 0, List.of(online));
        location(admin, "DEALER-STORE", 0, List.of(dealer));
        setStock(admin, "CENTRAL", "A", 5);
        setStock(admin, "SHOP", "A", 3);
        setStock(admin, "DEALER-STORE", "A", 7);
        Api.as(admin).get("/api/v1/stock?sku=A&channelId=" + online).then().statusCode(200)
                .body("availableToPromise", equalTo(8)).body("locations.size()", equalTo(2))
                .body("locations[0].locationCode", equalTo("CENTRAL"));
        Api.as(admin).get("/api/v1/stock?sku=A&channelId=" + dealer).then().body("availableToPromise", equalTo(12));
        Api.as(admin).get("/api/v1/stock?sku=A").then().body("availableToPromise", equalTo(15));
        Api.as(admin).get("/api/v1/stock?sku=NONE&channelId=" + dealer).then().statusCode(200).body("availableToPromise", equalTo(0));
        Api.as(admin).get("/api/v1/stock").then().statusCode(400).body("errors.field", hasItem("sku"));
        Api.as(admin).get("/api/v1/stock?sku=A&channelId=bad").then().statusCode(400).body("errors.field", hasItem("channelId"));
        // A partner sees its own channel's promise only; another channel is 404; it cannot set stock or read the ledger.
        String partner = Tokens.partner(tenant, dealer);
        Api.as(partner).get("/api/v1/stock?sku=A").then().statusCode(200).body("availableToPromise", equalTo(12))
                .body("channelId", equalTo(dealer));
        Api.as(partner).get("/api/v1/stock?sku=A&channelId=" + online).then().statusCode(404);
        Api.as(partner).body(Map.of("onHand", 100)).put("/api/v1/stock/DEALER-STORE/A").then().statusCode(403);
        Api.as(partner).get("/api/v1/stock/ledger?sku=A").then().statusCode(403);
        Api.as(partner).get("/api/v1/locations").then().statusCode(200).body("items.code", equalTo(List.of("CENTRAL", "DEALER-STORE")));
        // GraphQL: same service.
        Api.graphql(admin, "query($c: ID) { stock(sku: \"A\", channelId: $c) { availableToPromise locations { locationCode available } } }",
                        Map.of("c", online))
                .then().body("errors", nullValue()).body("data.stock.availableToPromise", equalTo(8));
        Api.graphql(partner, "mutation { setStock(locationCode: \"CENTRAL\", sku: \"A\", onHand: 1) { onHand } }")
                .then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(admin, "mutation { setStock(locationCode: \"CENTRAL\", sku: \"A\", onHand: 6, version: 1) { onHand } }")
                .then().body("errors[0].extensions.code", equalTo("VERSION_CONFLICT"));
        Api.graphql(admin, "mutation { setStock(locationCode: \"CENTRAL\", sku: \"A\", onHand: 6) { onHand version } }")
                .then().body("errors", nullValue()).body("data.setStock.onHand", equalTo(6));
    }

    @Test
    void holdsReserveReleaseAndRefuseShortStock() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String sales = Tokens.token(tenant, "sales");
        String online = channel(admin, "ONLINE", "ONLINE_STORE");
        location(admin, "A", 5, null);
        location(admin, "B", 1, null);
        setStock(admin, "A", "X", 3);
        setStock(admin, "B", "X", 4);
        setStock(admin, "B", "Y", 1);
        String hold = Api.as(sales).body(Map.of("channelId", online, "ttlSeconds", 86400,
                        "lines", List.of(Map.of("sku", "X", "quantity", 5), Map.of("sku", "Y", "quantity", 1))))
                .post("/api/v1/stock/holds").then().statusCode(201).body("status", equalTo("ACTIVE"))
                .body("reservations.size()", equalTo(3)).extract().path("id");
        // Priority first: A gives its 3, B the other 2.
        Api.as(admin).get("/api/v1/stock/A/X").then().body("reserved", equalTo(3));
        Api.as(admin).get("/api/v1/stock/B/X").then().body("reserved", equalTo(2));
        Api.as(sales).body(Map.of("channelId", online, "lines", List.of(Map.of("sku", "X", "quantity", 1), Map.of("sku", "Y", "quantity", 3))))
                .post("/api/v1/stock/holds").then().statusCode(409).body("code", equalTo("INSUFFICIENT_STOCK"))
                .body("errors.field", equalTo(List.of("lines[1].quantity")));
        Api.as(admin).get("/api/v1/stock/A/X").then().body("reserved", equalTo(3)); // nothing partial left behind
        Api.as(admin).get("/api/v1/stock/B/X").then().body("reserved", equalTo(2));
        Api.as(sales).body(Map.of("channelId", online, "lines", List.of(Map.of("sku", "X", "quantity", 1), Map.of("sku", "X", "quantity", 1))))
                .post("/api/v1/stock/holds").then().statusCode(400).body("errors.field", hasItem("lines[1].sku"));
        Api.as(sales).get("/api/v1/stock/holds/" + hold).then().statusCode(200).body("reservations.size()", equalTo(3));
        Api.as(sales).post("/api/v1/stock/holds/" + hold + "/release").then().statusCode(200).body("status", equalTo("RELEASED"));
        Api.as(sales).post("/api/v1/stock/holds/" + hold + "/release").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        Api.as(admin).get("/api/v1/stock/A/X").then().body("reserved", equalTo(0));
        Api.as(admin).get("/api/v1/stock/B/Y").then().body("reserved", equalTo(0));
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/stock/holds/" + hold).then().statusCode(404);
        // A partner holds only for its own channel.
        String dealer = channel(admin, "D", "DISTRIBUTOR");
        Api.as(Tokens.partner(tenant, dealer)).body(Map.of("channelId", online, "lines", List.of(Map.of("sku", "X", "quantity", 1))))
                .post("/api/v1/stock/holds").then().statusCode(403);
        Api.as(Tokens.partner(tenant, dealer)).get("/api/v1/stock/holds/" + hold).then().statusCode(404);
        // Only ACTIVE channels (a distributor starts APPLIED).
        Api.as(sales).body(Map.of("channelId", dealer, "lines", List.of(Map.of("sku", "X", "quantity", 1))))
                .post("/api/v1/stock/holds").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        Api.as(sales).body(Map.of("channelId", java.util.UUID.randomUUID().toString(), "lines", List.of(Map.of("sku", "X", "quantity", 1))))
                .post("/api/v1/stock/holds").then().statusCode(400).body("errors.field", hasItem("channelId"));
    }

    @Test
    void expiredHoldsAreReleasedBySweep() throws Exception {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String online = channel(admin, "ONLINE", "ONLINE_STORE");
        location(admin, "A", 0, null);
        setStock(admin, "A", "X", 5);
        String hold = Api.graphql(admin, "mutation($in: CreateHoldInput!) { holdStock(input: $in) { id status expiresAt } }",
                        Map.of("in", Map.of("channelId", online, "ttlSeconds", 1, "lines", List.of(Map.of("sku", "X", "quantity", 4)))))
                .then().body("errors", nullValue()).extract().path("data.holdStock.id");
        Api.as(admin).get("/api/v1/stock/A/X").then().body("reserved", equalTo(4));
        long deadline = System.currentTimeMillis() + 10_000;
        String status = "ACTIVE";
        while (System.currentTimeMillis() < deadline && !"EXPIRED".equals(status)) {
            Thread.sleep(200);
            status = Api.as(admin).get("/api/v1/stock/holds/" + hold).then().extract().path("status");
        }
        assertEquals("EXPIRED", status);
        Api.as(admin).get("/api/v1/stock/A/X").then().body("reserved", equalTo(0)).body("onHand", equalTo(5));
        Api.as(admin).get("/api/v1/stock/ledger?sku=X").then().body("items.kind", equalTo(List.of("SET", "RESERVE", "RELEASE")))
                .body("items[2].reason", equalTo("hold expired")).body("items[2].refId", equalTo(hold));
        Api.as(admin).post("/api/v1/stock/holds/" + hold + "/release").then().statusCode(409);
    }

    @Test
    void concurrentHoldsNeverOversell() throws Exception {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String online = channel(admin, "ONLINE", "ONLINE_STORE");
        location(admin, "A", 1, null);
        location(admin, "B", 0, null);
        setStock(admin, "A", "X", 30);
        setStock(admin, "B", "X", 20);
        String sales = Tokens.token(tenant, "sales");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 120; i++) {
                calls.add(() -> Api.as(sales).body(Map.of("channelId", online, "ttlSeconds", 86400, "lines", List.of(Map.of("sku", "X", "quantity", 1))))
                        .post("/api/v1/stock/holds").statusCode());
            }
            int ok = 0;
            int refused = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                int s = f.get();
                if (s == 201) {
                    ok++;
                } else if (s == 409) {
                    refused++;
                }
            }
            assertEquals(50, ok);
            assertEquals(70, refused);
        } finally {
            pool.shutdownNow();
        }
        Response a = Api.as(admin).get("/api/v1/stock/A/X");
        Response b = Api.as(admin).get("/api/v1/stock/B/X");
        assertEquals(30, (int) a.path("reserved"));
        assertEquals(20, (int) b.path("reserved"));
        List<Integer> reservedDeltas = Api.as(admin).get("/api/v1/stock/ledger?sku=X&limit=500").then().extract().path("items.reservedDelta");
        assertTrue(reservedDeltas.stream().mapToInt(Integer::intValue).sum() == 50);
    }
}
