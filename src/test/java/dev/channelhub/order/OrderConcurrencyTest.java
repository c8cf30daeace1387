package dev.channelhub.order;

import dev.channelhub.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.channelhub.order.OrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many clients racing for the last units through the HTTP API: stock is never oversold, never partly reserved. */
@QuarkusTest
class OrderConcurrencyTest {

    private static final int CLIENTS = 32;

    private static List<Response> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long sumLedger(OrderFixture f, String sku, String field) {
        long sum = 0;
        String cursor = null;
        do {
            var spec = Api.as(f.admin).queryParam("sku", sku).queryParam("limit", 500);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/stock/ledger").then().statusCode(200).extract();
            List<Number> values = page.path("items." + field);
            sum += values.stream().mapToLong(Number::longValue).sum();
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return sum;
    }

    @Test
    void twoHundredOrdersForOneHundredUnits() throws Exception {
        OrderFixture f = OrderFixture.create().products(Map.of("LAST", "9.90")).stock("LAST", 100);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(() -> f.place(f.sales, order(f.online, "LAST", 1)));
        }
        List<Response> answers = race(calls);
        long ok = answers.stream().filter(r -> r.statusCode() == 201).count();
        long refused = answers.stream().filter(r -> r.statusCode() == 409 && "INSUFFICIENT_STOCK".equals(r.path("code"))).count();
        assertEquals(100, ok);
        assertEquals(100, refused);
        assertEquals(100, f.reserved("LAST"));
        assertEquals(100, f.onHand("LAST"));
        assertEquals(100, sumLedger(f, "LAST", "reservedDelta"));
        assertEquals(100, sumLedger(f, "LAST", "onHandDelta"));
        Set<String> numbers = new HashSet<>();
        answers.stream().filter(r -> r.statusCode() == 201).forEach(r -> numbers.add(r.path("number")));
        assertEquals(100, numbers.size());
    }

    @Test
    void multiLineOrdersNeverLeaveAPartialReservation() throws Exception {
        OrderFixture f = OrderFixture.create().products(Map.of("P", "1", "Q", "1")).stock("P", 100).stock("Q", 60);
        Api.as(f.admin).body(Map.of("code", "STORE", "name", "Store", "type", "STORE", "priority", 1)).post("/api/v1/locations")
                .then().statusCode(201);
        Api.as(f.admin).body(Map.of("onHand", 20)).put("/api/v1/stock/STORE/Q").then().statusCode(200);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            calls.add(() -> f.place(f.sales, order(f.online, "P", 1, "Q", 1)));
        }
        List<Response> answers = race(calls);
        long ok = answers.stream().filter(r -> r.statusCode() == 201).count();
        assertEquals(80, ok);
        assertTrue(answers.stream().filter(r -> r.statusCode() != 201).allMatch(r -> "INSUFFICIENT_STOCK".equals(r.path("code"))));
        assertEquals(80, f.reserved("P"));
        assertEquals(60, f.reserved("Q"));
        assertEquals(20L, ((Number) Api.as(f.admin).get("/api/v1/stock/STORE/Q").then().extract().path("reserved")).longValue());
        assertEquals(80, sumLedger(f, "P", "reservedDelta"));
        assertEquals(80, sumLedger(f, "Q", "reservedDelta"));
    }

    @Test
    void sameIdempotencyKeyConcurrentlyMakesOneOrder() throws Exception {
        OrderFixture f = OrderFixture.create().products(Map.of("K", "1")).stock("K", 50);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> Api.as(f.sales).header("Idempotency-Key", "same-key").body(order(f.online, "K", 3)).post("/api/v1/orders"));
        }
        List<Response> answers = race(calls);
        Set<String> ids = new HashSet<>();
        for (Response r : answers) {
            assertEquals(201, r.statusCode(), r.asString());
            ids.add(r.path("id"));
        }
        assertEquals(1, ids.size());
        assertEquals(3, f.reserved("K"));
        Api.as(f.sales).get("/api/v1/orders").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(1));
    }
}
