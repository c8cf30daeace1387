package dev.channelhub.channel;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A partner sees its own channel and its sub-channels; everything else is 404; it changes only its own contact. */
@QuarkusTest
class PartnerScopeTest {

    @Test
    void partnersAreIsolated() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String a = Channels.create(admin, "A", "DISTRIBUTOR");
        String aSub = Channels.create(admin, "A-SUB", "RETAIL_STORE", "\"parentId\":\"" + a + "\"");
        String aSubSub = Channels.create(admin, "A-SUB-SUB", "RETAIL_STORE", "\"parentId\":\"" + aSub + "\"");
        String b = Channels.create(admin, "B", "DISTRIBUTOR");
        String bSub = Channels.create(admin, "B-SUB", "AGENT", "\"parentId\":\"" + b + "\"");
        Channels.create(admin, "SHOP", "ONLINE_STORE");
        String partnerA = Tokens.partner(tenant, a);

        for (String other : new String[]{b, bSub}) {
            Api.as(partnerA).get("/api/v1/channels/" + other).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
            Api.as(partnerA).body("{\"contact\":{\"name\":\"x\"}}").patch("/api/v1/channels/" + other).then().statusCode(404);
            Api.as(partnerA).body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/" + other + "/transition").then().statusCode(404);
            Api.as(partnerA).get("/api/v1/channels/" + other + "/history").then().statusCode(404);
            Api.as(partnerA).get("/api/v1/channels/" + other + "/ratings").then().statusCode(404);
            Api.as(partnerA).get("/api/v1/channels/" + other + "/groups").then().statusCode(404);
            Api.as(partnerA).body("{\"period\":\"2026-Q4\",\"score\":1,\"tier\":\"X\"}").post("/api/v1/channels/" + other + "/ratings")
                    .then().statusCode(404);
        }
        Api.as(partnerA).get("/api/v1/channels").then().statusCode(200)
                .body("items.code", containsInAnyOrder("A", "A-SUB", "A-SUB-SUB"));
        // The parent partner reads its sub-channels (and their history) but cannot change them.
        Api.as(partnerA).get("/api/v1/channels/" + aSubSub).then().statusCode(200);
        Api.as(partnerA).get("/api/v1/channels/" + aSub + "/history").then().statusCode(200).body("items.size()", equalTo(1));
        Api.as(partnerA).body("{\"contact\":{\"name\":\"x\"}}").patch("/api/v1/channels/" + aSub).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Api.as(partnerA).body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/" + aSub + "/transition").then().statusCode(403);
        // Its own channel: the contact only.
        Api.as(partnerA).body("{\"contact\":{\"name\":\"Zhao\",\"phone\":\"+8613900000000\"}}").patch("/api/v1/channels/" + a)
                .then().statusCode(200).body("contact.name", equalTo("Zhao"));
        Api.as(partnerA).body("{\"creditLimit\":\"999999\"}").patch("/api/v1/channels/" + a).then().statusCode(403);
        Api.as(partnerA).body("{\"tier\":\"PLATINUM\"}").patch("/api/v1/channels/" + a).then().statusCode(403);
        Api.as(partnerA).body("{\"code\":\"X\",\"name\":\"X\",\"type\":\"AGENT\"}").post("/api/v1/channels").then().statusCode(403);
        Api.as(admin).get("/api/v1/channels/" + aSub).then().header("ETag", "\"1\"");

        // A sub-partner sees itself and below, not its parent.
        String partnerSub = Tokens.partner(tenant, aSub);
        Api.as(partnerSub).get("/api/v1/channels/" + a).then().statusCode(404);
        Api.as(partnerSub).get("/api/v1/channels/" + aSubSub).then().statusCode(200);
        // The same partner token of another tenant sees nothing.
        Api.as(Tokens.partner(Tokens.newTenant(), a)).get("/api/v1/channels/" + a).then().statusCode(404);
    }

    @Test
    void graphqlHidesTheSameChannels() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String a = Channels.create(admin, "A", "DISTRIBUTOR");
        String aSub = Channels.create(admin, "A-SUB", "RETAIL_STORE", "\"parentId\":\"" + a + "\"");
        String b = Channels.create(admin, "B", "DISTRIBUTOR");
        String partnerSub = Tokens.partner(tenant, aSub);
        Api.graphql(partnerSub, "query($id: ID!) { channel(id: $id) { id } }", Map.of("id", b)).then()
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        // The sub-partner's own channel shows no parent: the parent is not visible to it.
        Api.graphql(partnerSub, "query($id: ID!) { channel(id: $id) { code parentId parent { id } } }", Map.of("id", aSub)).then()
                .body("errors", nullValue()).body("data.channel.parent", nullValue());
        Api.graphql(Tokens.partner(tenant, a), "query($id: ID!) { channel(id: $id) { code parent { code } children { code } } }",
                        Map.of("id", aSub)).then()
                .body("errors", nullValue()).body("data.channel.parent.code", equalTo("A"));
        Api.graphql(Tokens.partner(tenant, a), "mutation($id: ID!) { transitionChannel(id: $id, input: {to: ACTIVE}) { id } }",
                Map.of("id", b)).then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(Tokens.partner(tenant, a), "mutation($id: ID!) { updateChannel(id: $id, input: {name: \"x\"}) { id } }",
                Map.of("id", aSub)).then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }
}
