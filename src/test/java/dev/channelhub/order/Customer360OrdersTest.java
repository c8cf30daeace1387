package dev.channelhub.order;

import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.channelhub.order.OrderFixture.order;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer 360° view end to end: orders placed through the API show up in {@code GET /customers/{id}/360} and in
 * the GraphQL {@code customer} query with real figures, follow a merge and go back on unmerge.
 */
@QuarkusTest
class Customer360OrdersTest {

    static final String VIEW = "query($id: ID!) { customer(id: $id) { id "
            + "channels { channelId orderCount revenue } "
            + "stats { orderCount revenue averageOrderValue firstOrderAt lastOrderAt lifetimeValue repeatCustomer currency } "
            + "orders(first: 10) { edges { node { id status total channel { id } lines { sku quantity } } } } } }";

    private static String orderFor(OrderFixture f, String token, String channel, String phone, String sku, int qty) {
        Map<String, Object> body = new HashMap<>(order(channel, sku, qty));
        body.put("customer", Map.of("identities", List.of(Map.of("kind", "PHONE", "value", phone))));
        return f.place(token, body).then().statusCode(201).extract().path("customerId");
    }

    @Test
    void the360ViewShowsRealOrderFiguresPerChannel() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10.00", "B", "2.50")).stock("A", 100).stock("B", 100);
        String dealer = f.activePartner("D1", null);
        String customer = orderFor(f, f.sales, f.online, "13900001111", "A", 2);       // 20.00 online
        assertEquals(customer, orderFor(f, f.sales, dealer, "+8613900001111", "B", 4)); // 10.00 through the dealer
        Map<String, Object> third = new HashMap<>(order(f.online, "A", 1));             // 10.00 online, then cancelled
        third.put("customerId", customer);
        String cancelled = f.placed(third);
        Api.as(f.sales).body(Map.of("reason", "changed mind")).post("/api/v1/orders/" + cancelled + "/cancel").then().statusCode(200);

        Api.as(f.sales).get("/api/v1/customers/" + customer + "/360").then().statusCode(200)
                .body("orders.count", equalTo(2))
                .body("orders.revenue", equalTo("30.00"))
                .body("orders.averageOrderValue", equalTo("15.00"))
                .body("orders.firstOrderAt", notNullValue())
                .body("orders.lastOrderAt", notNullValue())
                .body("orders.recent", hasSize(3))
                .body("orders.recent[0].status", equalTo("CANCELLED"))
                .body("lifetimeValue", equalTo("30.00"))
                .body("repeatCustomer", equalTo(true))
                .body("channels.find { it.channelId == '" + f.online + "' }.orderCount", equalTo(1))
                .body("channels.find { it.channelId == '" + f.online + "' }.revenue", equalTo("20.00"))
                .body("channels.find { it.channelId == '" + dealer + "' }.orderCount", equalTo(1))
                .body("channels.find { it.channelId == '" + dealer + "' }.revenue", equalTo("10.00"));

        long before = SqlCounter.current();
        Api.graphql(f.sales, VIEW, Map.of("id", customer)).then().statusCode(200)
                .body("errors", nullValue())
                .body("data.customer.stats.orderCount", equalTo(2))
                .body("data.customer.stats.revenue", equalTo("30.00"))
                .body("data.customer.stats.averageOrderValue", equalTo("15.00"))
                .body("data.customer.stats.lifetimeValue", equalTo("30.00"))
                .body("data.customer.stats.repeatCustomer", equalTo(true))
                .body("data.customer.stats.currency", equalTo("CNY"))
                .body("data.customer.channels.orderCount", containsInAnyOrder(1, 1))
                .body("data.customer.orders.edges", hasSize(3))
                .body("data.customer.orders.edges.node.status", contains("CANCELLED", "SUBMITTED", "SUBMITTED"))
                .body("data.customer.orders.edges[1].node.lines.sku", contains("B"))
                .body("data.customer.orders.edges[1].node.channel.id", equalTo(dealer));
        long oneView = SqlCounter.current() - before;
        assertTrue(oneView > 0, "the counter sees the 360 query");

        // Three more orders on another channel: the same query costs the same number of statements.
        for (int i = 0; i < 3; i++) {
            orderFor(f, f.sales, f.activePartner("D" + (i + 2), null), "13900001111", "A", 1);
        }
        before = SqlCounter.current();
        Api.graphql(f.sales, VIEW, Map.of("id", customer)).then().statusCode(200)
                .body("errors", nullValue())
                .body("data.customer.stats.orderCount", equalTo(5))
                .body("data.customer.orders.edges", hasSize(6));
        assertEquals(oneView, SqlCounter.current() - before, "the 360 query must not grow with orders or channels");
    }

    @Test
    void ordersFollowAMergeAndGoBackOnUnmerge() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10.00")).stock("A", 100);
        String kept = orderFor(f, f.sales, f.online, "13900002222", "A", 1);
        String source = orderFor(f, f.sales, f.online, "13900003333", "A", 3);

        Api.as(f.admin).body(Map.of("sourceIds", List.of(source), "reason", "same person")).post("/api/v1/customers/" + kept + "/merge")
                .then().statusCode(200);
        Api.as(f.sales).get("/api/v1/customers/" + kept + "/360").then().statusCode(200)
                .body("orders.count", equalTo(2))
                .body("orders.revenue", equalTo("40.00"));

        Api.as(f.admin).body(Map.of("sourceId", source, "reason", "not the same")).post("/api/v1/customers/" + kept + "/unmerge")
                .then().statusCode(200);
        Api.as(f.sales).get("/api/v1/customers/" + kept + "/360").then().statusCode(200)
                .body("orders.count", equalTo(1))
                .body("orders.revenue", equalTo("10.00"));
        Api.as(f.sales).get("/api/v1/customers/" + source + "/360").then().statusCode(200)
                .body("orders.count", equalTo(1))
                .body("orders.revenue", equalTo("30.00"));
    }

    @Test
    void aPartnerSeesItsOwnSliceOfTheOrderFigures() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10.00")).stock("A", 100);
        String dealer = f.activePartner("D1", null);
        String other = f.activePartner("D2", null);
        String customer = orderFor(f, f.sales, f.online, "13900004444", "A", 5);
        String partner = Tokens.partner(f.tenant, dealer);
        String stranger = Tokens.partner(f.tenant, other);

        // Not served by the dealer yet: invisible to it.
        Api.as(partner).get("/api/v1/customers/" + customer + "/360").then().statusCode(404);
        assertEquals(customer, orderFor(f, partner, dealer, "13900004444", "A", 1));

        Api.as(partner).get("/api/v1/customers/" + customer + "/360").then().statusCode(200)
                .body("orders.count", equalTo(1))
                .body("orders.revenue", equalTo("10.00"))
                .body("orders.recent.channelId", contains(dealer))
                .body("channels.channelId", contains(dealer));
        Api.as(stranger).get("/api/v1/customers/" + customer + "/360").then().statusCode(404);
        Api.as(f.sales).get("/api/v1/customers/" + customer + "/360").then().statusCode(200)
                .body("orders.count", equalTo(2))
                .body("orders.revenue", equalTo("60.00"));
        // Another tenant's staff does not see the customer at all.
        Api.as(Tokens.token(Tokens.newTenant(), "sales")).get("/api/v1/customers/" + customer + "/360").then().statusCode(404);
    }

    @Test
    void aliasesOfPagedFieldsKeepTheirOwnArguments() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "1.00")).stock("A", 100);
        String customer = orderFor(f, f.sales, f.online, "13900005555", "A", 1);
        for (int i = 0; i < 3; i++) {
            orderFor(f, f.sales, f.online, "13900005555", "A", 1);
        }
        for (int i = 0; i < 4; i++) {
            Api.as(f.sales).body(Map.of("channelId", f.online, "kind", "VISIT", "occurredAt", "2026-0" + (i + 1) + "-01T00:00:00Z"))
                    .post("/api/v1/customers/" + customer + "/touchpoints").then().statusCode(201);
        }
        Api.graphql(f.sales, "query($id: ID!) { customer(id: $id) { one: orders(first: 1) { edges { node { id } } pageInfo { hasNextPage } } "
                        + "all: orders(first: 10) { edges { node { id } } pageInfo { hasNextPage } } "
                        + "t2: touchpoints(first: 2) { edges { node { occurredAt } } } t4: touchpoints(first: 4) { edges { node { occurredAt } } } } }",
                        Map.of("id", customer)).then().statusCode(200).body("errors", nullValue())
                .body("data.customer.one.edges", hasSize(1))
                .body("data.customer.one.pageInfo.hasNextPage", equalTo(true))
                .body("data.customer.all.edges", hasSize(4))
                .body("data.customer.all.pageInfo.hasNextPage", equalTo(false))
                .body("data.customer.t2.edges", hasSize(2))
                .body("data.customer.t4.edges", hasSize(4));
    }
}
