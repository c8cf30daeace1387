package dev.channelhub.policy;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.channelhub.policy.PolicyApiTest.channel;
import static dev.channelhub.policy.PolicyApiTest.publish;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A PATCH that changes the audience makes the targeted set exactly the new audience (API-CONTRACT-2 §6). */
@QuarkusTest
class PolicyAudienceShrinkTest {

    @Inject
    Db db;

    @Test
    void aDroppedChannelNoLongerSeesThePolicyButKeepsItsHistory() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String a = channel(admin, "A", "DISTRIBUTOR", null, null);
        String b = channel(admin, "B", "DISTRIBUTOR", null, null);
        String c = channel(admin, "C", "AGENT", null, null);
        String pa = Tokens.partner(tenant, a);
        String pb = Tokens.partner(tenant, b);
        String pc = Tokens.partner(tenant, c);
        String id = publish(manager, Map.of("channelIds", List.of(a, b)), true);
        Api.as(pb).post("/api/v1/policies/" + id + "/acknowledge").then().statusCode(200).body("acknowledgedVersion", equalTo(1));
        Api.as(pa).post("/api/v1/policies/" + id + "/read").then().statusCode(200);

        Api.as(manager).body(Map.of("audience", Map.of("channelIds", List.of(a, c)))).patch("/api/v1/policies/" + id)
                .then().statusCode(200).body("version", equalTo(2));

        // b is no longer targeted: absent from its inbox, and the policy is 404 to it however it asks.
        Api.as(pb).get("/api/v1/me/policies").then().statusCode(200).body("items.policy.id", not(hasItem(id)));
        Api.as(pb).get("/api/v1/policies/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(pb).post("/api/v1/policies/" + id + "/read").then().statusCode(404);
        Api.as(pb).post("/api/v1/policies/" + id + "/acknowledge").then().statusCode(404);
        Api.graphql(pb, "query($id: ID!) { policy(id: $id) { id } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(pb, "mutation($id: ID!) { acknowledgePolicy(id: $id) { acknowledged } }", Map.of("id", id))
                .then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(pb, "{ myPolicies { edges { node { policy { id } } } } }").then().body("errors", nullValue())
                .body("data.myPolicies.edges", empty());
        // The new audience sees it.
        Api.as(pc).get("/api/v1/me/policies").then().statusCode(200).body("items.policy.id", hasItem(id));
        Api.as(pa).get("/api/v1/policies/" + id).then().statusCode(200);

        // Reach counts only the new audience; b's acknowledgement of version 1 is history, shown as such.
        Api.as(manager).get("/api/v1/policies/" + id + "/reach").then().statusCode(200)
                .body("version", equalTo(2)).body("targeted", equalTo(2)).body("acknowledged", equalTo(0))
                .body("acknowledgedOlderVersion", equalTo(0)).body("pending", containsInAnyOrder(a, c))
                .body("dropped.channelId", equalTo(List.of(b))).body("dropped[0].acknowledgedVersion", equalTo(1))
                .body("dropped[0].readVersion", equalTo(1)).body("dropped[0].droppedAt", notNullValue());
        Api.graphql(manager, "query($id: ID!) { policy(id: $id) { reach { targeted dropped { channelId acknowledgedVersion } } } }",
                        Map.of("id", id))
                .then().body("errors", nullValue()).body("data.policy.reach.targeted", equalTo(2))
                .body("data.policy.reach.dropped[0].channelId", equalTo(b));
        assertEquals(1L, db.one("select count(*) as n from policy_ack where tenant_id = $1 and channel_id = $2",
                Tuple.of(tenant, UUID.fromString(b)), r -> r.getLong("n")).await().indefinitely().orElseThrow());

        // Growing the audience again brings b back with its history: its acknowledgement is of an older version.
        Api.graphql(manager, "mutation($id: ID!, $in: UpdatePolicyInput!) { updatePolicy(id: $id, input: $in) { version } }",
                        Map.of("id", id, "in", Map.of("audience", Map.of("channelIds", List.of(a, b, c)))))
                .then().body("errors", nullValue()).body("data.updatePolicy.version", equalTo(3));
        Api.as(pb).get("/api/v1/me/policies").then().statusCode(200).body("items.policy.id", hasItem(id));
        Api.as(manager).get("/api/v1/policies/" + id + "/reach").then().statusCode(200)
                .body("targeted", equalTo(3)).body("acknowledgedOlderVersion", equalTo(1)).body("dropped", empty());
    }

    @Test
    void narrowingAFilterDropsTheChannelsThatNoLongerMatch() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String manager = Tokens.token(tenant, "manager");
        String dist = channel(admin, "D", "DISTRIBUTOR", "GOLD", null);
        String agent = channel(admin, "G", "AGENT", "GOLD", null);
        String id = publish(manager, Map.of("tiers", List.of("GOLD")), false);
        Api.as(Tokens.partner(tenant, agent)).get("/api/v1/me/policies").then().body("items.policy.id", hasItem(id));
        Api.as(manager).body(Map.of("audience", Map.of("tiers", List.of("GOLD"), "channelTypes", List.of("DISTRIBUTOR"))))
                .patch("/api/v1/policies/" + id).then().statusCode(200);
        // The inbox's lazy catch-up does not bring the agent back: it does not match the new audience.
        Api.as(Tokens.partner(tenant, agent)).get("/api/v1/me/policies").then().body("items.policy.id", not(hasItem(id)));
        Api.as(Tokens.partner(tenant, agent)).post("/api/v1/policies/" + id + "/read").then().statusCode(404);
        Api.as(manager).get("/api/v1/policies/" + id + "/reach").then().statusCode(200)
                .body("targeted", equalTo(1)).body("pending", equalTo(List.of(dist))).body("dropped.channelId", equalTo(List.of(agent)));
        // A channel that comes to match later is still added lazily.
        String late = channel(admin, "L", "DISTRIBUTOR", "GOLD", null);
        Api.as(Tokens.partner(tenant, late)).get("/api/v1/me/policies").then().body("items.policy.id", hasItem(id));
    }
}
