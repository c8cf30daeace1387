package dev.channelhub.channel;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ChannelGroupApiTest {

    private static String group(String token, String json) {
        return Api.as(token).body(json).post("/api/v1/channel-groups").then().statusCode(201).extract().path("id");
    }

    private static List<String> memberCodes(String token, String groupId) {
        return Api.as(token).get("/api/v1/channel-groups/" + groupId + "/members").then().statusCode(200).extract().path("items.code");
    }

    @Test
    void membersAreStaticUnionRule() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String ge = Channels.create(admin, "GE", "DISTRIBUTOR", "\"tier\":\"GOLD\"", "\"region\":\"EAST\"");
        Channels.create(admin, "GW", "DISTRIBUTOR", "\"tier\":\"GOLD\"", "\"region\":\"WEST\"");
        Channels.create(admin, "SE", "AGENT", "\"tier\":\"SILVER\"", "\"region\":\"EAST\"");
        String shop = Channels.create(admin, "SHOP", "ONLINE_STORE");
        Channels.transition(admin, ge, "REJECTED"); // status does not matter

        String byRule = group(admin, "{\"code\":\"GOLD-EAST\",\"name\":\"Gold in the east\","
                + "\"rule\":{\"types\":[\"DISTRIBUTOR\",\"AGENT\"],\"tiers\":[\"GOLD\"],\"regions\":[\"EAST\",\"NORTH\"]}}");
        assertEquals(List.of("GE"), memberCodes(admin, byRule));
        String byList = group(admin, "{\"code\":\"LIST\",\"name\":\"Listed\",\"memberIds\":[\"" + shop + "\",\"" + ge + "\"]}");
        assertEquals(2, memberCodes(admin, byList).size());
        String both = group(admin, "{\"code\":\"EAST-SHOP\",\"name\":\"East and the shop\",\"memberIds\":[\"" + shop + "\"],"
                + "\"rule\":{\"regions\":[\"EAST\"]}}");
        Api.as(admin).get("/api/v1/channel-groups/" + both + "/members").then().body("items.code", containsInAnyOrder("GE", "SE", "SHOP"));
        String everyone = group(admin, "{\"code\":\"ALL\",\"name\":\"Everyone\",\"rule\":{}}");
        assertEquals(4, memberCodes(admin, everyone).size());
        String nobody = group(admin, "{\"code\":\"NONE\",\"name\":\"Nobody\"}");
        Api.as(admin).get("/api/v1/channel-groups/" + nobody + "/members").then().body("items", empty());

        Api.as(admin).get("/api/v1/channel-groups/" + both).then().statusCode(200).header("ETag", "\"1\"")
                .body("memberIds", equalTo(List.of(shop))).body("rule.regions", equalTo(List.of("EAST")))
                .body("rule.types", nullValue());
        Api.as(admin).get("/api/v1/channel-groups/" + nobody).then().body("rule", nullValue()).body("memberIds", empty());
        Api.as(admin).get("/api/v1/channels/" + ge + "/groups").then().statusCode(200)
                .body("items.code", containsInAnyOrder("GOLD-EAST", "LIST", "EAST-SHOP", "ALL"));
        Api.as(admin).get("/api/v1/channels/" + shop + "/groups?limit=2").then().statusCode(200)
                .body("items.code", equalTo(List.of("LIST", "EAST-SHOP"))).body("nextCursor", notNullValue());
        Api.as(admin).get("/api/v1/channel-groups?limit=3").then().body("items.size()", equalTo(3)).body("nextCursor", notNullValue());
    }

    @Test
    void membersPageOverMoreThanOnePage() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = Channels.create(admin, "C" + i, i % 2 == 0 ? "AGENT" : "DIRECT");
            if (i % 2 == 1 && i > 1) {
                listed.add("\"" + id + "\"");
            }
        }
        String g = group(admin, "{\"code\":\"G\",\"name\":\"G\",\"memberIds\":[" + String.join(",", listed) + "],\"rule\":{\"types\":[\"AGENT\"]}}");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = Api.as(admin).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/channel-groups/" + g + "/members").then().statusCode(200).extract();
            seen.addAll(page.path("items.code"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(List.of("C0", "C2", "C3", "C4", "C5", "C6"), seen);
        assertEquals(3, pages);
    }

    @Test
    void patchReplacesMembersAndRuleWithIfMatch() {
        String tenant = Tokens.newTenant();
        String manager = Tokens.token(tenant, "manager");
        String a = Channels.create(manager, "A", "AGENT", "\"region\":\"EAST\"");
        String b = Channels.create(manager, "B", "DIRECT");
        String g = group(manager, "{\"code\":\"G\",\"name\":\"G\",\"memberIds\":[\"" + a + "\"]}");
        Api.as(manager).header("If-Match", "\"1\"").body("{\"name\":\"Renamed\",\"memberIds\":[\"" + b + "\"],\"rule\":{\"regions\":[\"EAST\"]}}")
                .patch("/api/v1/channel-groups/" + g).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("Renamed")).body("memberIds", equalTo(List.of(b)));
        assertEquals(List.of("A", "B"), memberCodes(manager, g));
        Api.as(manager).header("If-Match", "\"1\"").body("{\"name\":\"stale\"}").patch("/api/v1/channel-groups/" + g)
                .then().statusCode(412).body("code", equalTo("VERSION_CONFLICT"));
        Api.as(manager).body("{\"rule\":null}").patch("/api/v1/channel-groups/" + g).then().statusCode(200).body("rule", nullValue());
        assertEquals(List.of("B"), memberCodes(manager, g));
        Api.as(manager).body("{\"memberIds\":[]}").patch("/api/v1/channel-groups/" + g).then().statusCode(200).body("memberIds", empty());
        assertEquals(List.of(), memberCodes(manager, g));
        Api.as(manager).get("/api/v1/channel-groups/" + g).then().body("name", equalTo("Renamed")).header("ETag", "\"4\"");
    }

    @Test
    @InvalidRequests("malformed groups, to see 400")
    void validationDuplicatesAndRoles() {
        String tenant = Tokens.newTenant();
        String manager = Tokens.token(tenant, "manager");
        String a = Channels.create(manager, "A", "AGENT");
        String foreign = Channels.create(Tokens.token(Tokens.newTenant(), "admin"), "F", "AGENT");
        group(manager, "{\"code\":\"G\",\"name\":\"G\"}");
        Api.as(manager).body("{\"code\":\"G\",\"name\":\"again\"}").post("/api/v1/channel-groups").then().statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        Api.as(manager).body("{\"code\":\"H\",\"name\":\"H\",\"memberIds\":[\"" + a + "\",\"" + foreign + "\"]}")
                .post("/api/v1/channel-groups").then().statusCode(400).body("errors[0].field", equalTo("memberIds[1]"));
        Api.as(manager).body("{\"code\":\"H\",\"name\":\"H\",\"memberIds\":[\"bad\"]}").post("/api/v1/channel-groups").then()
                .statusCode(400).body("errors[0].field", equalTo("memberIds[0]"));
        Api.as(manager).body("{\"code\":\"H\",\"name\":\"H\",\"rule\":{\"types\":[\"SPACESHIP\"]}}").post("/api/v1/channel-groups").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Api.as(manager).body("{\"code\":\"H\",\"name\":\"H\",\"rule\":{\"tiers\":[\"GOLD\",\" \"]}}").post("/api/v1/channel-groups").then()
                .statusCode(400).body("errors[0].field", equalTo("rule.tiers[1]"));
        Api.as(manager).body("{\"name\":\"H\"}").post("/api/v1/channel-groups").then().statusCode(400).body("errors[0].field", equalTo("code"));
        Api.as(manager).get("/api/v1/channel-groups").then().body("items.size()", equalTo(1));

        String sales = Tokens.token(tenant, "sales");
        Api.as(sales).body("{\"code\":\"S\",\"name\":\"S\"}").post("/api/v1/channel-groups").then().statusCode(403);
        Api.as(sales).get("/api/v1/channel-groups").then().statusCode(200);
        Api.as(Tokens.token(tenant, "integration")).body("{\"code\":\"I\",\"name\":\"I\"}").post("/api/v1/channel-groups").then().statusCode(403);
        Api.as(Tokens.partner(tenant, a)).get("/api/v1/channel-groups").then().statusCode(403);
        Api.as(Tokens.partner(tenant, a)).get("/api/v1/channels/" + a + "/groups").then().statusCode(200);
        String g = Api.as(manager).get("/api/v1/channel-groups").then().extract().path("items[0].id");
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/channel-groups/" + g).then().statusCode(404);
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/channel-groups/" + g + "/members").then().statusCode(404);
        Api.as(null).get("/api/v1/channel-groups").then().statusCode(401);
    }

    @Test
    void graphqlGroups() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String a = Channels.create(admin, "A", "AGENT", "\"tier\":\"GOLD\"");
        Channels.create(admin, "B", "AGENT");
        String id = Api.graphql(admin, "mutation { createChannelGroup(input: {code: \"GOLD\", name: \"Gold\", rule: {tiers: [\"GOLD\"]}}) { id rule { tiers } } }")
                .then().body("errors", nullValue()).extract().path("data.createChannelGroup.id");
        Api.graphql(admin, "query($id: ID!) { channelGroup(id: $id) { code members(first: 10) { edges { node { code } } pageInfo { hasNextPage } } } }",
                        Map.of("id", id)).then().body("errors", nullValue())
                .body("data.channelGroup.members.edges.node.code", equalTo(List.of("A")));
        Api.graphql(admin, "mutation($id: ID!, $m: [String]) { updateChannelGroup(id: $id, input: {memberIds: $m}, version: 1) { version memberIds } }",
                        Map.of("id", id, "m", List.of(a))).then().body("errors", nullValue())
                .body("data.updateChannelGroup.version", equalTo(2));
        Api.graphql(admin, "{ channelGroups(first: 5) { edges { node { code } } } }").then().body("errors", nullValue())
                .body("data.channelGroups.edges.node.code", equalTo(List.of("GOLD")));
        Api.graphql(admin, "mutation { createChannelGroup(input: {code: \"GOLD\", name: \"again\"}) { id } }").then()
                .body("errors[0].extensions.code", equalTo("DUPLICATE"));
    }
}
