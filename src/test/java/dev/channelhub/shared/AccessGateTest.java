package dev.channelhub.shared;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks every /api/v1 and /graphql call passes (shared/security/AccessGate): roles, GraphQL tokens, body-less POSTs. */
@QuarkusTest
class AccessGateTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aTokenWithoutAKnownRoleIsForbiddenOnEveryRestCall() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String channel = Api.as(admin).body(Map.of("code", "C", "name", "C", "type", "DIRECT")).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
        for (String noRole : List.of(Tokens.token(tenant), Tokens.token(tenant, "viewer", "guest"))) {
            // Reads that services only scope by tenant, and writes.
            for (String path : List.of("/api/v1/channels", "/api/v1/channels/" + channel, "/api/v1/products", "/api/v1/orders",
                    "/api/v1/customers", "/api/v1/stock?sku=X", "/api/v1/me/policies", "/api/v1/analytics/sales")) {
                Api.as(noRole).get(path).then().statusCode(403).contentType("application/problem+json")
                        .body("code", equalTo("FORBIDDEN"));
            }
            Api.as(noRole).body(Map.of("code", "D", "name", "D", "type", "DIRECT")).post("/api/v1/channels").then().statusCode(403)
                    .body("code", equalTo("FORBIDDEN"));
            Api.as(noRole).body(Map.of("name", "X")).patch("/api/v1/channels/" + channel).then().statusCode(403)
                    .body("code", equalTo("FORBIDDEN"));
            Api.as(noRole).body(Map.of("channelId", channel, "lines", List.of(Map.of("sku", "X", "quantity", 1))))
                    .post("/api/v1/prices/quote").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        }
        Api.as(admin).get("/api/v1/channels").then().statusCode(200).body("items.size()", equalTo(1));
        Api.as(admin).get("/api/v1/channels/" + channel).then().statusCode(200).body("name", equalTo("C"));
    }

    @Test
    void aTokenWithoutAKnownRoleIsForbiddenOnEveryGraphqlOperation() {
        String noRole = Tokens.token(Tokens.newTenant(), "viewer");
        for (String query : List.of("{ __typename }", "{ __schema { queryType { name } } }", "{ channels { edges { node { id } } } }",
                "mutation { createChannel(input: {code: \"X\", name: \"X\", type: DIRECT}) { id } }")) {
            Response r = Api.graphql(noRole, query);
            r.then().statusCode(403).body("errors[0].extensions.code", equalTo("FORBIDDEN")).body("data", nullValue());
        }
        RestAssured.given().header("Authorization", "Bearer " + noRole).queryParam("query", "{ __typename }").get("/graphql")
                .then().statusCode(403).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(Tokens.token(Tokens.newTenant(), "sales"), "{ __typename }").then().statusCode(200)
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void graphqlWithoutATokenIsUnauthenticatedForEveryOperation() {
        for (String query : List.of("{ __typename }", "{ __schema { queryType { name } } }", "{ channels { edges { node { id } } } }",
                "mutation { createChannel(input: {code: \"X\", name: \"X\", type: DIRECT}) { id } }", "{ nope }")) {
            Api.graphql(null, query).then().statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                    .body("data", nullValue());
        }
        RestAssured.given().queryParam("query", "{ __typename }").get("/graphql").then().statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        // The schema is a document, open to all.
        RestAssured.given().get("/graphql/schema.graphql").then().statusCode(200);
    }

    @Test
    void bodylessActionsWorkWithAndWithoutContentType() throws Exception {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String sales = Tokens.token(tenant, "sales");
        String online = channel(admin, "ONLINE", "ONLINE_STORE");
        String partnerChannel = channel(admin, "P", "DIRECT");
        String partner = Tokens.partner(tenant, partnerChannel);
        Api.as(admin).body(Map.of("code", "WH", "name", "WH", "type", "WAREHOUSE")).post("/api/v1/locations").then().statusCode(201);
        Api.as(admin).body(Map.of("sku", "S1", "name", "S1")).post("/api/v1/products").then().statusCode(201);
        Api.as(admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries", List.of(Map.of("sku", "S1", "price", "10.00"))))
                .post("/api/v1/price-lists").then().statusCode(201);
        Api.as(admin).body(Map.of("onHand", 100)).put("/api/v1/stock/WH/S1").then().statusCode(200);

        // Policies: read and acknowledge (acknowledge's body {version} is optional).
        String policy = Api.as(manager).body(Map.of("title", "T", "kind", "ANNOUNCEMENT", "body", "B", "audience", Map.of(),
                "requiresAcknowledgement", true)).post("/api/v1/policies").then().statusCode(201).extract().path("id");
        assertEquals(200, bare(partner, "/api/v1/policies/" + policy + "/read", null).statusCode());
        HttpResponse<String> ack = bare(partner, "/api/v1/policies/" + policy + "/acknowledge", null);
        assertEquals(200, ack.statusCode(), ack.body());
        assertTrue(ack.body().contains("\"acknowledged\":true"), ack.body());
        assertEquals(200, bare(partner, "/api/v1/policies/" + policy + "/acknowledge", "application/json").statusCode());

        // Orders: confirm, then deliver a shipment.
        String order = Api.as(sales).body(Map.of("channelId", online, "lines", List.of(Map.of("sku", "S1", "quantity", 2))))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        HttpResponse<String> confirmed = bare(sales, "/api/v1/orders/" + order + "/confirm", null);
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        String shipment = Api.as(sales).body(Map.of("lines", List.of(Map.of("sku", "S1", "quantity", 2))))
                .post("/api/v1/orders/" + order + "/shipments").then().statusCode(201).extract().path("id");
        HttpResponse<String> delivered = bare(sales, "/api/v1/orders/" + order + "/shipments/" + shipment + "/deliver", null);
        assertEquals(200, delivered.statusCode(), delivered.body());

        // Leads: the partner the rule routes to accepts.
        Map<String, Object> rule = new HashMap<>(Map.of("priority", 1, "match", Map.of(), "target", Map.of("channelId", partnerChannel)));
        Api.as(manager).body(rule).post("/api/v1/lead-routing-rules").then().statusCode(201);
        String lead = Api.as(sales).body(Map.of("customer", Map.of("identities", List.of(Map.of("kind", "PHONE", "value", "13800000001")))))
                .post("/api/v1/leads").then().statusCode(201).extract().path("id");
        HttpResponse<String> accepted = bare(partner, "/api/v1/leads/" + lead + "/accept", null);
        assertEquals(200, accepted.statusCode(), accepted.body());

        // Stock holds: release.
        String hold = Api.as(sales).body(Map.of("channelId", online, "ttlSeconds", 600, "lines", List.of(Map.of("sku", "S1", "quantity", 1))))
                .post("/api/v1/stock/holds").then().statusCode(201).extract().path("id");
        HttpResponse<String> released = bare(sales, "/api/v1/stock/holds/" + hold + "/release", null);
        assertEquals(200, released.statusCode(), released.body());

        // Webhooks: replay (its only input is ?from=).
        String hook = Api.as(admin).body(Map.of("url", "https://example.com/h", "events", List.of("*"), "secret", "0123456789abcdef0123"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        HttpResponse<String> replayed = bare(admin, "/api/v1/webhooks/" + hook + "/replay?from=0", null);
        assertEquals(202, replayed.statusCode(), replayed.body());

        // A body without Content-Type is still refused (only an absent body is read as JSON), and changes nothing.
        HttpResponse<String> withBody = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/orders/" + order + "/cancel"))
                .header("Authorization", "Bearer " + sales).POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, withBody.statusCode(), withBody.body());
        assertFalse(Api.as(sales).get("/api/v1/orders/" + order).then().extract().path("status").equals("CANCELLED"));
    }

    /** A POST with no body and, when {@code contentType} is null, no Content-Type header at all. */
    private static HttpResponse<String> bare(String token, String path, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    private static String channel(String admin, String code, String type) {
        return Api.as(admin).body(Map.of("code", code, "name", code, "type", type)).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
    }
}
