package dev.channelhub.order;

import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Business metrics on /q/metrics (issue 21): an order placed and a payment recorded count once each when committed; an
 * idempotent replay and a refused request count nothing.
 */
@QuarkusTest
class BusinessMetricsTest {

    private static final String ORDERS = "channelhub_orders_placed_total";
    private static final String PAYMENTS = "channelhub_payments_recorded_total";

    @Test
    @InvalidRequests("an overpayment, which must not count")
    void ordersAndPaymentsCountOncePerCommittedChange() {
        OrderFixture f = OrderFixture.create().products(Map.of("M1", "10.00")).stock("M1", 10);
        double orders = Metrics.value(ORDERS);
        double payments = Metrics.value(PAYMENTS);

        String id = Api.as(f.sales).header("Idempotency-Key", "metrics-1").body(OrderFixture.order(f.online, "M1", 2))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        Api.as(f.sales).header("Idempotency-Key", "metrics-1").body(OrderFixture.order(f.online, "M1", 2))
                .post("/api/v1/orders").then().statusCode(201).header("Idempotent-Replayed", "true");
        f.place(f.sales, OrderFixture.order(f.online, "M1", 99)).then().statusCode(409); // insufficient stock
        assertEquals(orders + 1, Metrics.value(ORDERS), "one order placed; the replay and the refusal count nothing");

        Api.as(f.sales).body(Map.of("amount", "5.00", "method", "CASH")).post("/api/v1/orders/" + id + "/payments")
                .then().statusCode(201);
        Api.as(f.sales).body(Map.of("amount", "500.00", "method", "CASH")).post("/api/v1/orders/" + id + "/payments")
                .then().statusCode(422);
        assertEquals(payments + 1, Metrics.value(PAYMENTS), "one payment recorded; the overpayment counts nothing");
    }
}
