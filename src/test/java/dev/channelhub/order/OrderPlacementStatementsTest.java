package dev.channelhub.order;

import dev.channelhub.support.SqlCounter;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Placing an order costs the same number of SQL statements whatever its number of lines (no statement per line). */
@QuarkusTest
class OrderPlacementStatementsTest {

    private static Map<String, Object> orderOf(String channel, int lines, String phone) {
        List<Map<String, Object>> l = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            l.add(OrderFixture.line("S" + i, 1 + i));
        }
        Map<String, Object> body = new HashMap<>(Map.of("channelId", channel, "lines", l));
        body.put("customer", Map.of("identities", List.of(Map.of("kind", "PHONE", "value", phone))));
        return body;
    }

    private static long statements(OrderFixture f, Map<String, Object> body) {
        long before = SqlCounter.current();
        f.placed(body);
        return SqlCounter.current() - before;
    }

    @Test
    void placementCostsAConstantNumberOfStatements() {
        Map<String, String> prices = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            prices.put("S" + i, "1." + i);
        }
        OrderFixture f = OrderFixture.create().products(prices);
        for (int i = 0; i < 10; i++) {
            f.stock("S" + i, 30);
        }
        statements(f, orderOf(f.online, 1, "13900000000")); // warm-up: first customer, first prepared statements
        long one = statements(f, orderOf(f.online, 1, "13900000001"));
        long three = statements(f, orderOf(f.online, 3, "13900000002"));
        long ten = statements(f, orderOf(f.online, 10, "13900000003"));
        System.out.println("order placement statements: " + one);
        assertTrue(one > 3, "the counter must see the placement's statements");
        assertEquals(one, three, "a 3-line order must cost what a 1-line order costs");
        assertEquals(one, ten, "a 10-line order must cost what a 1-line order costs");
    }

    /**
     * W3's order (a known customer, 3 lines, an Idempotency-Key) costs 10 statements, pinned: channel, customer, the
     * quote, the reservation, order + lines + events, the outbox event, the customer's channel seen, the lead record
     * and protected-deal lookup (one statement), the low-stock check, and the idempotency answer whose insert claims
     * the key. Until issue 22 it was 13 in three transactions: the key's PENDING claim and the day counter each
     * committed on their own, the rollup's upserts ran inside the order, and the lead record was a statement apart.
     * The day counter now runs once per 32 orders (OrderNumbers), outside this count after the first order.
     */
    @Test
    void aW3OrderCostsTenStatementsInOneTransaction() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "1.00", "B", "2.00", "C", "3.00"));
        for (String sku : List.of("A", "B", "C")) {
            f.stock(sku, 100);
        }
        Map<String, Object> first = new HashMap<>(OrderFixture.order(f.online, "A", 1));
        first.put("customer", Map.of("identities", List.of(Map.of("kind", "PHONE", "value", "13900000099"))));
        String customer = f.place(f.sales, first).then().statusCode(201).extract().path("customerId");
        Map<String, Object> w3 = new HashMap<>(OrderFixture.order(f.online, "A", 1, "B", 2, "C", 1));
        w3.put("customerId", customer);
        dev.channelhub.support.Api.as(f.sales).header("Idempotency-Key", "warm-" + customer).body(w3).post("/api/v1/orders")
                .then().statusCode(201);
        long before = SqlCounter.current();
        dev.channelhub.support.Api.as(f.sales).header("Idempotency-Key", "w3-" + customer).body(w3).post("/api/v1/orders")
                .then().statusCode(201);
        assertEquals(10, SqlCounter.current() - before, "statements of a W3 order");
    }
}
