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

/**
 * The REST twins of what was GraphQL-only (parity.txt): an order's shipments and payments (Order.shipments,
 * Order.payments) and availableToPromise on the channel catalogue (Product.availableToPromise).
 */
@QuarkusTest
class OrderRestTwinsTest {

    @Test
    void anOrdersShipmentsAndPaymentsAreReadLikeTheirGraphQLFields() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10.00")).stock("A", 10);
        String dealer = f.activePartner("D1", null);
        String other = f.activePartner("D2", null);
        String partner = Tokens.partner(f.tenant, dealer);
        String id = f.place(partner, order(dealer, "A", 3)).then().statusCode(201).extract().path("id");
        Api.as(f.sales).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        for (int quantity : List.of(1, 2)) {
            Api.as(f.sales).body(Map.of("lines", List.of(Map.of("sku", "A", "quantity", quantity)), "carrier", "SF"))
                    .post("/api/v1/orders/" + id + "/shipments").then().statusCode(201);
        }
        for (String amount : List.of("10.00", "5.50")) {
            Api.as(f.sales).body(Map.of("amount", amount, "method", "BANK_TRANSFER")).post("/api/v1/orders/" + id + "/payments")
                    .then().statusCode(201);
        }

        List<String> shipments = Api.as(partner).get("/api/v1/orders/" + id + "/shipments").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items[0].lines[0].quantity", equalTo(1)).body("items[0].carrier", equalTo("SF"))
                .body("nextCursor", nullValue()).extract().path("items.id");
        List<String> payments = Api.as(partner).get("/api/v1/orders/" + id + "/payments").then().statusCode(200)
                .body("items.amount", equalTo(List.of("10.00", "5.50"))).extract().path("items.id");
        var g = Api.graphql(partner, "query($id: ID!) { order(id: $id) { shipments { id } payments { id } } }", Map.of("id", id))
                .then().body("errors", nullValue()).extract();
        assertEquals(g.path("data.order.shipments.id"), shipments);
        assertEquals(g.path("data.order.payments.id"), payments);

        // Paged like every REST list.
        String cursor = Api.as(f.sales).queryParam("limit", 1).get("/api/v1/orders/" + id + "/shipments").then().statusCode(200)
                .body("items.id", equalTo(shipments.subList(0, 1))).body("nextCursor", notNullValue()).extract().path("nextCursor");
        Api.as(f.sales).queryParam("limit", 1).queryParam("cursor", cursor).get("/api/v1/orders/" + id + "/shipments").then()
                .statusCode(200).body("items.id", equalTo(shipments.subList(1, 2))).body("nextCursor", nullValue());
        Api.as(f.sales).queryParam("limit", 0).get("/api/v1/orders/" + id + "/payments").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));

        // Another partner, another tenant, no token, a malformed id.
        for (String path : List.of("/shipments", "/payments")) {
            Api.as(Tokens.partner(f.tenant, other)).get("/api/v1/orders/" + id + path).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
            Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/orders/" + id + path).then().statusCode(404);
            Api.as(null).get("/api/v1/orders/" + id + path).then().statusCode(401);
            Api.as(f.sales).get("/api/v1/orders/not-an-id" + path).then().statusCode(404);
        }
        // The POST on the same path is still served by the order resource.
        Api.as(f.sales).body(Map.of("lines", List.of(Map.of("sku", "A", "quantity", 1))))
                .post("/api/v1/orders/" + id + "/shipments").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
    }

    @Test
    void theRestCatalogueCarriesAvailableToPromiseBatchedPerPage() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "1", "B", "1", "C", "1", "D", "1", "E", "1", "F", "1"))
                .stock("A", 1).stock("B", 2).stock("C", 3);
        f.placed(order(f.online, "C", 2));
        String catalog = "/api/v1/channels/" + f.online + "/catalog";
        var items = Api.as(f.sales).get(catalog).then().statusCode(200).extract().jsonPath();
        Map<String, Integer> atp = new java.util.HashMap<>();
        List<String> skus = items.getList("items.sku");
        List<Integer> values = items.getList("items.availableToPromise");
        for (int i = 0; i < skus.size(); i++) {
            atp.put(skus.get(i), values.get(i));
        }
        assertEquals(Map.of("A", 1, "B", 2, "C", 1, "D", 0, "E", 0, "F", 0), atp);
        // The same numbers as the GraphQL field.
        Api.graphql(f.sales, "query($ch: ID) { products(channelId: $ch, first: 10) { edges { node { sku availableToPromise } } } }",
                        Map.of("ch", f.online)).then().body("errors", nullValue())
                .body("data.products.edges.find { it.node.sku == 'C' }.node.availableToPromise", equalTo(1));

        Api.as(f.sales).queryParam("limit", 1).get(catalog).then().statusCode(200); // warms the pricing headers
        long before = SqlCounter.current();
        Api.as(f.sales).queryParam("limit", 1).get(catalog).then().statusCode(200);
        long one = SqlCounter.current() - before;
        assertTrue(one > 0, "the counter sees the page");
        before = SqlCounter.current();
        Api.as(f.sales).queryParam("limit", 6).get(catalog).then().statusCode(200).body("items.size()", equalTo(6));
        assertEquals(one, SqlCounter.current() - before, "availableToPromise must cost one statement per page, not one per item");

        // A partner reads its own channel's catalogue (with its stock) and no other.
        String dealer = f.activePartner("D1", null);
        Api.as(Tokens.partner(f.tenant, dealer)).get("/api/v1/channels/" + dealer + "/catalog").then().statusCode(200)
                .body("items.find { it.sku == 'A' }.availableToPromise", equalTo(1));
        Api.as(Tokens.partner(f.tenant, dealer)).get(catalog).then().statusCode(404);
    }
}
