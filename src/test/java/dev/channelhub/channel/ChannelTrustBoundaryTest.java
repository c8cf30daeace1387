package dev.channelhub.channel;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** API-CONTRACT-2 §6: what a partner sees of its channel's groups; who sets creditLimit and parentId. */
@QuarkusTest
class ChannelTrustBoundaryTest {

    private static final String GROUPS = """
            query($id: ID!) { channel(id: $id) { id groups { id code name memberIds rule { types } version createdAt } } }""";

    @Test
    void aPartnerSeesItsChannelsGroupsAsIdCodeAndNameOnly() {
        String tenant = Tokens.newTenant();
        String manager = Tokens.token(tenant, "manager");
        String mine = create(manager, Map.of("code", "MINE", "name", "Mine", "type", "DISTRIBUTOR")).get("id").toString();
        String other = create(manager, Map.of("code", "OTHER", "name", "Other", "type", "DISTRIBUTOR")).get("id").toString();
        String group = Api.as(manager).body(Map.of("code", "G", "name", "Group", "memberIds", List.of(mine, other),
                        "rule", Map.of("types", List.of("DISTRIBUTOR")))).post("/api/v1/channel-groups")
                .then().statusCode(201).extract().path("id");
        String partner = Tokens.partner(tenant, mine);

        Map<String, Object> seen = Api.as(partner).get("/api/v1/channels/" + mine + "/groups").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0]");
        assertEquals(Map.of("id", group, "code", "G", "name", "Group"), seen);
        Api.as(manager).get("/api/v1/channels/" + mine + "/groups").then().statusCode(200)
                .body("items[0].memberIds", hasSize(2)).body("items[0].rule.types", hasItem("DISTRIBUTOR"))
                .body("items[0].version", equalTo(1));

        Api.graphql(partner, GROUPS, Map.of("id", mine)).then().body("errors", nullValue())
                .body("data.channel.groups[0].id", equalTo(group)).body("data.channel.groups[0].code", equalTo("G"))
                .body("data.channel.groups[0].name", equalTo("Group"))
                .body("data.channel.groups[0].memberIds", nullValue()).body("data.channel.groups[0].rule", nullValue())
                .body("data.channel.groups[0].version", nullValue()).body("data.channel.groups[0].createdAt", nullValue());
        Api.graphql(manager, GROUPS, Map.of("id", mine)).then().body("errors", nullValue())
                .body("data.channel.groups[0].memberIds", hasSize(2)).body("data.channel.groups[0].rule.types", hasItem("DISTRIBUTOR"))
                .body("data.channel.groups[0].createdAt", notNullValue());
        // Nor members through the group's own field...
        Api.graphql(partner, "query($id: ID!) { channel(id: $id) { groups { members { edges { node { id } } } } } }", Map.of("id", mine))
                .then().body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("data.channel.groups[0].members", nullValue());
        // ...nor through /channel-groups: a partner's scope is its own channel.
        for (String path : List.of("/api/v1/channel-groups", "/api/v1/channel-groups/" + group, "/api/v1/channel-groups/" + group + "/members")) {
            Api.as(partner).get(path).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        }
        Api.graphql(partner, "query($id: ID!) { channelGroup(id: $id) { id memberIds } }", Map.of("id", group))
                .then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(partner, "{ channelGroups { edges { node { id } } } }").then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void onlyManagersAndAdminsSetOrClearCreditLimitAndParent() {
        String tenant = Tokens.newTenant();
        String manager = Tokens.token(tenant, "manager");
        String integration = Tokens.token(tenant, "integration");
        String sales = Tokens.token(tenant, "sales");
        String parent = create(manager, Map.of("code", "PARENT", "name", "Parent", "type", "DISTRIBUTOR")).get("id").toString();

        // Create: integration may create channels, but not with credit or a parent; sales creates nothing.
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("code", "X1", "name", "X", "type", "AGENT", "creditLimit", "1000.00"),
                Map.<String, Object>of("code", "X2", "name", "X", "type", "AGENT", "parentId", parent))) {
            Api.as(integration).body(body).post("/api/v1/channels").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            Api.as(sales).body(body).post("/api/v1/channels").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        }
        Api.graphql(integration, "mutation { createChannel(input: {code: \"X3\", name: \"X\", type: AGENT, creditLimit: 5}) { id } }")
                .then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.as(manager).get("/api/v1/channels").then().body("items", hasSize(1));
        String plain = create(integration, Map.of("code", "PLAIN", "name", "Plain", "type", "AGENT")).get("id").toString();
        Map<String, Object> credited = create(manager, Map.of("code", "C", "name", "C", "type", "AGENT", "creditLimit", "1000.00",
                "parentId", parent));
        String child = credited.get("id").toString();
        assertEquals("1000.00", credited.get("creditLimit"));

        // PATCH: setting or clearing either field needs manager or admin; other fields stay open to integration.
        for (String patch : List.of("{\"creditLimit\":\"5.00\"}", "{\"creditLimit\":null}", "{\"parentId\":\"" + plain + "\"}",
                "{\"parentId\":null}", "{\"name\":\"N\",\"creditLimit\":\"1.00\"}")) {
            Api.as(integration).body(patch).patch("/api/v1/channels/" + child).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            Api.as(sales).body(patch).patch("/api/v1/channels/" + child).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        }
        Api.graphql(integration, "mutation($id: ID!) { updateChannel(id: $id, input: {clear: [\"creditLimit\"]}) { id } }", Map.of("id", child))
                .then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.as(manager).get("/api/v1/channels/" + child).then().body("creditLimit", equalTo("1000.00"))
                .body("parentId", equalTo(parent)).body("name", equalTo("C")).body("version", equalTo(1));
        Api.as(integration).body("{\"name\":\"Renamed\"}").patch("/api/v1/channels/" + child).then().statusCode(200);

        Api.as(manager).body("{\"creditLimit\":\"2000.00\",\"parentId\":null}").patch("/api/v1/channels/" + child).then()
                .statusCode(200).body("creditLimit", equalTo("2000.00")).body("parentId", nullValue());
        Api.graphql(Tokens.token(tenant, "admin"), "mutation($id: ID!, $p: String) { updateChannel(id: $id, input: {parentId: $p, clear: [\"creditLimit\"]}) "
                + "{ creditLimit parentId } }", new HashMap<>(Map.of("id", child, "p", plain)))
                .then().body("errors", nullValue()).body("data.updateChannel.creditLimit", nullValue())
                .body("data.updateChannel.parentId", equalTo(plain));
    }

    private static Map<String, Object> create(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/v1/channels").then().statusCode(201).extract().path("");
    }
}
