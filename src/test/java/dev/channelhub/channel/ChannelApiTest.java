package dev.channelhub.channel;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ChannelApiTest {

    @Test
    void ownedChannelsStartActivePartnersApplied() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(admin).body("{\"code\":\"WX\",\"name\":\"Mini\",\"type\":\"MINI_PROGRAM\"}").post("/api/v1/channels")
                .then().statusCode(201).body("status", equalTo("ACTIVE")).body("version", equalTo(1))
                .body("currency", equalTo("CNY"));
        Api.as(admin).body("{\"code\":\"D-EAST\",\"name\":\"East dealer\",\"type\":\"DISTRIBUTOR\",\"region\":\"EAST\","
                        + "\"tier\":\"GOLD\",\"creditLimit\":\"50000\",\"contact\":{\"name\":\"Li\",\"email\":\"li@example.com\"}}")
                .post("/api/v1/channels")
                .then().statusCode(201).body("status", equalTo("APPLIED")).body("creditLimit", equalTo("50000.00"))
                .body("contact.name", equalTo("Li")).body("tier", equalTo("GOLD"));
    }

    @Test
    void getReturnsEtag() {
        String admin = Tokens.token(Tokens.newTenant(), "manager");
        String id = Api.as(admin).body("{\"code\":\"A\",\"name\":\"A\",\"type\":\"AGENT\"}").post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
        Api.as(admin).get("/api/v1/channels/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("id", equalTo(id)).body("createdAt", notNullValue());
    }

    @Test
    void duplicateCodeIs409() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(admin).body("{\"code\":\"SAME\",\"name\":\"A\",\"type\":\"DIRECT\"}").post("/api/v1/channels").then().statusCode(201);
        Api.as(admin).body("{\"code\":\"SAME\",\"name\":\"B\",\"type\":\"AGENT\"}").post("/api/v1/channels").then().statusCode(409)
                .body("code", equalTo("DUPLICATE"));
    }

    @Test
    void listPagesWithCursorAndFilters() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        for (int i = 0; i < 7; i++) {
            String type = i % 2 == 0 ? "AGENT" : "DIRECT";
            Api.as(admin).body("{\"code\":\"C" + i + "\",\"name\":\"C\",\"type\":\"" + type + "\"}").post("/api/v1/channels")
                    .then().statusCode(201);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = Api.as(admin).queryParam("limit", 3);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/channels").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(7, seen.size());
        assertEquals(3, pages);
        Api.as(admin).get("/api/v1/channels?type=AGENT").then().body("items.size()", equalTo(4)).body("nextCursor", nullValue());
        Api.as(admin).get("/api/v1/channels?status=APPLIED").then().body("items.size()", equalTo(4));
    }

    @Test
    void graphqlUsesTheSameService() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String id = Api.graphql(admin, "mutation($in: CreateChannelInput!) { createChannel(input: $in) { id status creditLimit } }",
                        Map.of("in", Map.of("code", "GQ", "name", "GraphQL dealer", "type", "DISTRIBUTOR", "creditLimit", "1000.5")))
                .then().statusCode(200).body("errors", nullValue())
                .body("data.createChannel.status", equalTo("APPLIED"))
                .extract().path("data.createChannel.id");
        Api.as(admin).get("/api/v1/channels/" + id).then().statusCode(200).body("code", equalTo("GQ"))
                .body("creditLimit", equalTo("1000.50"));
        Api.graphql(admin, "{ channels(first: 1) { edges { cursor node { id code } } pageInfo { hasNextPage endCursor } } }")
                .then().body("data.channels.edges[0].node.id", equalTo(id))
                .body("data.channels.pageInfo.hasNextPage", equalTo(false));
        Api.graphql(admin, "mutation { createChannel(input: {code: \"GQ\", name: \"again\", type: DIRECT}) { id } }")
                .then().body("errors[0].extensions.code", equalTo("DUPLICATE"));
    }
}
