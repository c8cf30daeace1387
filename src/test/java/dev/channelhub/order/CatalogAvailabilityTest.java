package dev.channelhub.order;

import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.channelhub.order.OrderFixture.order;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Product.availableToPromise} on the catalogue: per channel, live, batched, partner-scoped. */
@QuarkusTest
class CatalogAvailabilityTest {

    static final String PAGE = "query($ch: ID, $first: Int) { products(channelId: $ch, first: $first) { edges { node { sku "
            + "availableToPromise } } } }";

    @Test
    void availableToPromiseFollowsTheLocationsServingTheChannelAndReservations() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10", "B", "5", "C", "1")).stock("A", 10).stock("B", 3);
        String dealer = f.activePartner("D1", null);
        // A store that serves the dealer only, with 7 more of A.
        Api.as(f.admin).body(Map.of("code", "STORE", "name", "Store", "type", "STORE", "priority", 5, "channelIds", List.of(dealer)))
                .post("/api/v1/locations").then().statusCode(201);
        Api.as(f.admin).body(Map.of("onHand", 7)).put("/api/v1/stock/STORE/A").then().statusCode(200);

        assertEquals(Map.of("A", 10, "B", 3, "C", 0), atp(f.sales, f.online));
        assertEquals(Map.of("A", 17, "B", 3, "C", 0), atp(f.sales, dealer));
        Api.graphql(f.sales, "query($ch: ID) { products(channelId: $ch, first: 10) { edges { node { sku availableToPromise "
                + "price { unitPrice } } } } }", Map.of("ch", f.online)).then().body("errors", nullValue())
                .body("data.products.edges.find { it.node.sku == 'A' }.node.price.unitPrice", equalTo("10.00"));

        f.placed(order(f.online, "A", 4, "B", 3));
        assertEquals(Map.of("A", 6, "B", 0, "C", 0), atp(f.sales, f.online));

        // The explicit argument overrides the browsed channel; without any channel staff see every location.
        Api.graphql(f.sales, "query($ch: ID) { products(channelId: $ch, first: 10) { edges { node { sku availableToPromise(channelId: \""
                + dealer + "\") } } } }", Map.of("ch", f.online)).then().body("errors", nullValue())
                .body("data.products.edges.find { it.node.sku == 'A' }.node.availableToPromise", equalTo(13));
        assertEquals(Map.of("A", 13, "B", 0, "C", 0), atp(f.sales, null));
    }

    private static Map<String, Integer> atp(String token, String channel) {
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("ch", channel);
        vars.put("first", 50);
        List<Map<String, Object>> nodes = Api.graphql(token, PAGE, vars).then().statusCode(200).body("errors", nullValue())
                .extract().path("data.products.edges.node");
        Map<String, Integer> out = new java.util.HashMap<>();
        nodes.forEach(n -> out.put((String) n.get("sku"), (Integer) n.get("availableToPromise")));
        return out;
    }

    @Test
    void aPageCostsAConstantNumberOfStatements() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "1", "B", "1", "C", "1", "D", "1", "E", "1", "F", "1"))
                .stock("A", 1).stock("B", 2).stock("C", 3);
        Api.graphql(f.sales, PAGE, Map.of("ch", f.online, "first", 1)).then().body("errors", nullValue()); // warms the pricing headers
        long before = SqlCounter.current();
        Api.graphql(f.sales, PAGE, Map.of("ch", f.online, "first", 1)).then().body("errors", nullValue());
        long one = SqlCounter.current() - before;
        assertTrue(one > 0, "the counter sees the page");
        before = SqlCounter.current();
        Api.graphql(f.sales, PAGE, Map.of("ch", f.online, "first", 6)).then().body("errors", nullValue());
        assertEquals(one, SqlCounter.current() - before, "availableToPromise must be batched per page");
    }

    @Test
    void aPartnerSeesItsOwnChannelOnly() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 10);
        String dealer = f.activePartner("D1", null);
        String partner = Tokens.partner(f.tenant, dealer);
        Api.graphql(partner, "{ products(first: 5) { edges { node { sku availableToPromise } } } }").then().statusCode(200)
                .body("errors", nullValue())
                .body("data.products.edges.node.availableToPromise", contains(10));
        Api.graphql(partner, "{ products(first: 5) { edges { node { sku availableToPromise(channelId: \"" + f.online + "\") } } } }")
                .then().statusCode(200)
                .body("errors.extensions.code", hasItem("NOT_FOUND"));
        // Another tenant's stock never shows: its catalogue is empty.
        Api.graphql(Tokens.token(Tokens.newTenant(), "sales"), "{ products(first: 5) { edges { node { sku availableToPromise } } } }")
                .then().body("data.products.edges", equalTo(List.of()));
    }

    @Test
    void aliasesWithDifferentArgumentsResolveSeparately() {
        OrderFixture f = OrderFixture.create().products(Map.of("T", "10")).stock("T", 4);
        Api.as(f.admin).body(Map.of("code", "TIERS", "name", "Tiers", "currency", "CNY", "scope", Map.of("channelIds", List.of(f.online)),
                        "entries", List.of(Map.of("sku", "T", "price", "9"), Map.of("sku", "T", "price", "7", "minQuantity", 10))))
                .post("/api/v1/price-lists").then().statusCode(201);
        String dealer = f.activePartner("D1", null);
        Api.graphql(f.sales, "query($ch: ID) { products(channelId: $ch, first: 5) { edges { node { sku "
                        + "one: price(quantity: 1) { unitPrice } ten: price(quantity: 10) { unitPrice } "
                        + "dealerOne: price(quantity: 1, channelId: \"" + dealer + "\") { unitPrice } "
                        + "here: availableToPromise there: availableToPromise(channelId: \"" + dealer + "\") } } } }",
                        Map.of("ch", f.online)).then().statusCode(200).body("errors", nullValue())
                .body("data.products.edges[0].node.one.unitPrice", equalTo("9.00"))
                .body("data.products.edges[0].node.ten.unitPrice", equalTo("7.00"))
                .body("data.products.edges[0].node.dealerOne.unitPrice", equalTo("10.00"))
                .body("data.products.edges[0].node.here", equalTo(4))
                .body("data.products.edges[0].node.there", equalTo(4));
    }
}
