package dev.channelhub.order;

import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.channelhub.order.OrderFixture.order;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OrderGraphQLTest {

    private static final String PAGE = "query($n: Int) { orders(first: $n) { edges { node { id number status total"
            + " lines { sku quantity unitPrice } customer { id name } channel { id code } shipments { id lines { sku quantity } }"
            + " payments { amount method } reservations { locationCode quantity } } } pageInfo { hasNextPage } } }";

    @Test
    void lifecycleThroughGraphQL() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "2.50")).stock("A", 10);
        var placed = Api.graphql(f.sales, "mutation($in: PlaceOrderInput!) { placeOrder(input: $in, idempotencyKey: \"g1\") {"
                                + " id number status paymentStatus total version lines { sku unitPrice lineTotal } reservations { locationCode quantity }"
                                + " customer { id } channel { code } } }",
                        Map.of("in", Map.of("channelId", f.online, "lines", List.of(OrderFixture.line("A", 4)),
                                "customer", Map.of("name", "Wang", "identities", List.of(Map.of("kind", "PHONE", "value", "13912345678"))))))
                .then().body("errors", nullValue()).body("data.placeOrder.status", equalTo("SUBMITTED"))
                .body("data.placeOrder.total", equalTo("10.00")).body("data.placeOrder.lines[0].unitPrice", equalTo("2.50"))
                .body("data.placeOrder.reservations[0].quantity", equalTo(4)).body("data.placeOrder.customer.id", notNullValue())
                .body("data.placeOrder.channel.code", equalTo("ONLINE")).extract();
        String id = placed.path("data.placeOrder.id");
        String customer = placed.path("data.placeOrder.customer.id");
        // The same identity on a second order resolves to the same customer.
        Api.graphql(f.sales, "mutation($in: PlaceOrderInput!) { placeOrder(input: $in) { customerId } }",
                        Map.of("in", Map.of("channelId", f.online, "lines", List.of(OrderFixture.line("A", 1)),
                                "customer", Map.of("identities", List.of(Map.of("kind", "PHONE", "value", "+86 139 1234 5678"))))))
                .then().body("errors", nullValue()).body("data.placeOrder.customerId", equalTo(customer));
        Api.graphql(f.sales, "mutation($id: ID!) { confirmOrder(id: $id, version: 9) { status } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("VERSION_CONFLICT"));
        Api.graphql(f.sales, "mutation($id: ID!) { confirmOrder(id: $id, version: 1) { status version } }", Map.of("id", id))
                .then().body("errors", nullValue()).body("data.confirmOrder.status", equalTo("CONFIRMED"));
        String shipment = Api.graphql(f.sales, "mutation($id: ID!) { shipOrder(id: $id, input: {lines: [{sku: \"A\", quantity: 4}]}) { id orderStatus } }",
                        Map.of("id", id))
                .then().body("errors", nullValue()).body("data.shipOrder.orderStatus", equalTo("SHIPPED")).extract().path("data.shipOrder.id");
        Api.graphql(f.sales, "mutation($id: ID!) { shipOrder(id: $id, input: {lines: [{sku: \"A\", quantity: 1}]}) { id } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"));
        Api.graphql(f.sales, "mutation($id: ID!, $s: ID!) { deliverShipment(orderId: $id, shipmentId: $s) { status } }",
                        Map.of("id", id, "s", shipment))
                .then().body("errors", nullValue()).body("data.deliverShipment.status", equalTo("DELIVERED"));
        Api.graphql(f.sales, "mutation($id: ID!) { recordPayment(id: $id, input: {amount: \"11\", method: \"CASH\"}) { id } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("OVERPAYMENT"));
        Api.graphql(f.sales, "mutation($id: ID!) { recordPayment(id: $id, input: {amount: \"10\", method: \"CASH\"}) { paymentStatus orderStatus } }",
                        Map.of("id", id))
                .then().body("errors", nullValue()).body("data.recordPayment.orderStatus", equalTo("COMPLETED"));
        Api.graphql(f.sales, "query($id: ID!) { order(id: $id) { status timeline(first: 50) { edges { node { type actor detailsJson } } } } }",
                        Map.of("id", id))
                .then().body("errors", nullValue()).body("data.order.status", equalTo("COMPLETED"))
                .body("data.order.timeline.edges.node.type", equalTo(List.of("PLACED", "RESERVED", "CONFIRMED", "SHIPPED",
                        "SHIPMENT_DELIVERED", "DELIVERED", "PAID", "COMPLETED")));
        Api.graphql(f.sales, "mutation($id: ID!) { cancelOrder(id: $id, reason: \"late\") { status } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"));
        Api.graphql(Tokens.token(f.tenant, "manager"), "mutation($in: PlaceOrderInput!) { placeOrder(input: $in) { id } }",
                        Map.of("in", order(f.online, "A", 1)))
                .then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(Tokens.token(Tokens.newTenant(), "admin"), "query($id: ID!) { order(id: $id) { id } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(f.sales, "query($id: ID!) { order(id: $id) { customer { id orders(first: 1) { edges { node { id } } pageInfo { hasNextPage } } } } }",
                        Map.of("id", id))
                .then().body("errors", nullValue()).body("data.order.customer.id", equalTo(customer))
                .body("data.order.customer.orders.edges.size()", equalTo(1))
                .body("data.order.customer.orders.pageInfo.hasNextPage", equalTo(true));
    }

    @Test
    void aPageOfOrdersCostsAConstantNumberOfStatements() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "1", "B", "2")).stock("A", 1000).stock("B", 1000);
        String dealer = f.activePartner("D", null);
        for (int i = 0; i < 50; i++) {
            Map<String, Object> body = new java.util.HashMap<>(order(i % 2 == 0 ? f.online : dealer, "A", 1, "B", 2));
            if (i % 3 == 0) {
                body.put("customer", Map.of("identities", List.of(Map.of("kind", "EMAIL", "value", "c" + (i % 7) + "@example.com"))));
            }
            String id = f.placed(body);
            if (i % 5 == 0) {
                Api.as(f.sales).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
                Api.as(f.sales).body(Map.of("lines", List.of(OrderFixture.line("A", 1)))).post("/api/v1/orders/" + id + "/shipments")
                        .then().statusCode(201);
                Api.as(f.sales).body(Map.of("amount", "1", "method", "CASH")).post("/api/v1/orders/" + id + "/payments").then().statusCode(201);
            }
        }
        long before = SqlCounter.current();
        Api.graphql(f.sales, PAGE, Map.of("n", 5)).then().body("errors", nullValue()).body("data.orders.edges.size()", equalTo(5));
        long small = SqlCounter.current() - before;
        before = SqlCounter.current();
        Api.graphql(f.sales, PAGE, Map.of("n", 50)).then().body("errors", nullValue()).body("data.orders.edges.size()", equalTo(50))
                .body("data.orders.edges[0].node.shipments[0].lines[0].sku", equalTo("A"))
                .body("data.orders.edges[0].node.customer.id", notNullValue())
                .body("data.orders.edges[1].node.channel.code", equalTo("D"));
        long page = SqlCounter.current() - before;
        assertEquals(small, page, "statements must not grow with the page size");
        assertTrue(page > 0 && page <= 7, "a page of 50 orders with lines, customer, channel, shipments, payments, reservations: " + page);
    }
}
