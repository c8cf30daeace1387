package dev.channelhub.shared;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Idempotency keys are scoped per tenant and caller (API-CONTRACT-2 §6): another caller's key is another key. */
@QuarkusTest
class IdempotencyScopeTest {

    private static final Map<String, Object> DEAL = Map.of(
            "customer", Map.of("identities", List.of(Map.of("kind", "PHONE", "value", "13800001111")), "name", "Li"),
            "expectedValue", "50000", "closeDate", "2027-03-31");

    private static String activePartner(String admin, String code) {
        String id = Api.as(admin).body(Map.of("code", code, "name", code, "type", "DISTRIBUTOR")).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
        Api.as(admin).body(Map.of("to", "ACTIVE")).post("/api/v1/channels/" + id + "/transition").then().statusCode(200);
        return id;
    }

    @Test
    void partnersOfTwoChannelsWithTheSameKeyEachGetTheirOwnDeal() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String p1 = activePartner(admin, "P1");
        String p2 = activePartner(admin, "P2");
        String partner1 = Tokens.partner(tenant, p1);
        String partner2 = Tokens.partner(tenant, p2);

        String d1 = Api.as(partner1).header("Idempotency-Key", "same-key").body(DEAL).post("/api/v1/deals")
                .then().statusCode(201).body("channelId", equalTo(p1)).extract().path("id");
        // Free the customer so that the second partner's registration can succeed on its own merits.
        Api.as(admin).body(Map.of("reason", "not ours")).post("/api/v1/deals/" + d1 + "/reject").then().statusCode(200);

        String d2 = Api.as(partner2).header("Idempotency-Key", "same-key").body(DEAL).post("/api/v1/deals")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).body("channelId", equalTo(p2))
                .extract().path("id");
        assertNotEquals(d1, d2);

        // The same partner again: its own answer, replayed.
        Api.as(partner1).header("Idempotency-Key", "same-key").body(DEAL).post("/api/v1/deals")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(d1)).body("channelId", equalTo(p1));
        Api.as(partner2).header("Idempotency-Key", "same-key").body(DEAL).post("/api/v1/deals")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(d2)).body("channelId", equalTo(p2));
        // And through GraphQL the key is the same key of the same caller.
        Api.graphql(partner2, "mutation($in: RegisterDealInput!) { registerDeal(input: $in, idempotencyKey: \"same-key\") { id channelId } }",
                        Map.of("in", DEAL))
                .then().body("errors", nullValue()).body("data.registerDeal.id", equalTo(d2));
    }

    @Test
    void twoSalesUsersWithTheSameKeyPlaceTwoOrders() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String salesA = Tokens.user(tenant, "sales-a", "sales");
        String salesB = Tokens.user(tenant, "sales-b", "sales");
        String online = Api.as(admin).body(Map.of("code", "ONLINE", "name", "Online", "type", "ONLINE_STORE"))
                .post("/api/v1/channels").then().statusCode(201).extract().path("id");
        Api.as(admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE")).post("/api/v1/locations")
                .then().statusCode(201);
        Api.as(admin).body(Map.of("sku", "A", "name", "A")).post("/api/v1/products").then().statusCode(201);
        Api.as(admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries", List.of(Map.of("sku", "A", "price", "5"))))
                .post("/api/v1/price-lists").then().statusCode(201);
        Api.as(admin).body(Map.of("onHand", 10)).put("/api/v1/stock/WH/A").then().statusCode(200);
        Map<String, Object> order = Map.of("channelId", online, "lines", List.of(Map.of("sku", "A", "quantity", 2)));

        String a = Api.as(salesA).header("Idempotency-Key", "o-1").body(order).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        String b = Api.as(salesB).header("Idempotency-Key", "o-1").body(order).post("/api/v1/orders")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(a, b);
        Api.as(salesA).header("Idempotency-Key", "o-1").body(order).post("/api/v1/orders")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(a));
        String c = Api.graphql(Tokens.user(tenant, "sales-c", "sales"),
                        "mutation($in: PlaceOrderInput!) { placeOrder(input: $in, idempotencyKey: \"o-1\") { id } }", Map.of("in", order))
                .then().body("errors", nullValue()).extract().path("data.placeOrder.id");
        assertNotEquals(a, c);
        assertNotEquals(b, c);
        assertEquals(6, (Integer) Api.as(admin).get("/api/v1/stock/WH/A").then().statusCode(200).extract().path("reserved"));
    }
}
