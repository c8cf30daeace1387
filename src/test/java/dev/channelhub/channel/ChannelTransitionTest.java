package dev.channelhub.channel;

import dev.channelhub.support.InvalidRequests;
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

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ChannelTransitionTest {

    @Inject
    Db db;

    @Test
    void admissionThroughRestKeepsHistoryAndEmitsEvents() {
        String tenant = Tokens.newTenant();
        String manager = Tokens.token(tenant, "manager");
        String id = Channels.create(manager, "D1", "DISTRIBUTOR");

        Api.as(manager).body("{\"to\":\"ACTIVE\",\"reason\":\"admitted after audit\"}").post("/api/v1/channels/" + id + "/transition")
                .then().statusCode(200).header("ETag", "\"2\"").body("status", equalTo("ACTIVE")).body("version", equalTo(2));
        Api.as(manager).body("{\"to\":\"SUSPENDED\",\"reason\":\"overdue\"}").post("/api/v1/channels/" + id + "/transition")
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        // Not allowed from SUSPENDED: 409, nothing changes.
        Api.as(manager).body("{\"to\":\"REJECTED\"}").post("/api/v1/channels/" + id + "/transition")
                .then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        Api.as(manager).body("{\"to\":\"SUSPENDED\"}").post("/api/v1/channels/" + id + "/transition")
                .then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        Api.as(manager).get("/api/v1/channels/" + id).then().body("status", equalTo("SUSPENDED")).header("ETag", "\"3\"");

        Api.as(manager).get("/api/v1/channels/" + id + "/history").then().statusCode(200)
                .body("items.from", contains(null, "APPLIED", "ACTIVE"))
                .body("items.to", contains("APPLIED", "ACTIVE", "SUSPENDED"))
                .body("items.reason", contains(null, "admitted after audit", "overdue"))
                .body("items.actor", contains("user-manager", "user-manager", "user-manager"))
                .body("items[0].at", notNullValue())
                .body("nextCursor", nullValue());

        List<String> events = db.list("select type || ':' || coalesce(payload->>'from', '') || '>' || coalesce(payload->>'to', '') as e"
                        + " from event_outbox where tenant_id = $1 and aggregate_id = $2 order by seq",
                Tuple.of(tenant, UUID.fromString(id)), r -> r.getString("e")).await().indefinitely();
        assertEquals(List.of("channel.created:>", "channel.status_changed:APPLIED>ACTIVE", "channel.status_changed:ACTIVE>SUSPENDED"), events);
        assertEquals("overdue", db.one("select payload->>'reason' as r from event_outbox where tenant_id = $1 and type = 'channel.status_changed'"
                        + " order by seq desc limit 1", Tuple.of(tenant), r -> r.getString("r")).await().indefinitely().orElseThrow());
    }

    @Test
    void historyPagesAndTransitionHonoursIfMatch() {
        String manager = Tokens.token(Tokens.newTenant(), "manager");
        String id = Channels.create(manager, "A1", "AGENT");
        Api.as(manager).header("If-Match", "\"5\"").body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/" + id + "/transition")
                .then().statusCode(412).body("code", equalTo("VERSION_CONFLICT"));
        Api.as(manager).header("If-Match", "\"1\"").body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/" + id + "/transition")
                .then().statusCode(200);
        for (int i = 0; i < 2; i++) {
            Channels.transition(manager, id, "SUSPENDED");
            Channels.transition(manager, id, "ACTIVE");
        }
        Channels.transition(manager, id, "TERMINATED"); // 7 entries with the creation
        Api.as(manager).body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/" + id + "/transition").then().statusCode(409);
        var first = Api.as(manager).get("/api/v1/channels/" + id + "/history?limit=4").then().statusCode(200)
                .body("items.size()", equalTo(4)).body("nextCursor", notNullValue()).extract();
        Api.as(manager).queryParam("limit", 4).queryParam("cursor", (String) first.path("nextCursor"))
                .get("/api/v1/channels/" + id + "/history").then()
                .body("items.to", contains("SUSPENDED", "ACTIVE", "TERMINATED")).body("nextCursor", nullValue());
    }

    @Test
    @InvalidRequests("malformed transitions, to see 400")
    void badTransitionBodiesAre400() {
        String manager = Tokens.token(Tokens.newTenant(), "manager");
        String id = Channels.create(manager, "A1", "AGENT");
        Api.as(manager).body("{}").post("/api/v1/channels/" + id + "/transition").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("to"));
        Api.as(manager).body("{\"to\":\"SLEEPING\"}").post("/api/v1/channels/" + id + "/transition").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        Api.as(manager).body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/" + UUID.randomUUID() + "/transition").then().statusCode(404);
        Api.as(manager).body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/not-an-id/transition").then().statusCode(404);
        Api.as(manager).get("/api/v1/channels/" + id).then().body("status", equalTo("APPLIED"));
    }

    @Test
    void onlyManagersTransition() {
        String tenant = Tokens.newTenant();
        String manager = Tokens.token(tenant, "manager");
        String id = Channels.create(manager, "A1", "AGENT");
        for (String role : new String[]{"sales", "integration"}) {
            Api.as(Tokens.token(tenant, role)).body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/" + id + "/transition")
                    .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        }
        Api.as(Tokens.partner(tenant, id)).body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/" + id + "/transition")
                .then().statusCode(403);
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/" + id + "/transition")
                .then().statusCode(404);
        Api.as(null).body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/" + id + "/transition").then().statusCode(401);
        Api.as(Tokens.token(tenant, "admin")).body("{\"to\":\"ACTIVE\"}").post("/api/v1/channels/" + id + "/transition")
                .then().statusCode(200);
    }

    @Test
    void graphqlTransitionsWithTheSameRules() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String id = Channels.create(admin, "G1", "RETAIL_STORE");
        String m = "mutation($id: ID!, $to: ChannelStatus!, $v: Int) { transitionChannel(id: $id, input: {to: $to, reason: \"gql\"}, version: $v) { status version } }";
        Api.graphql(admin, m, Map.of("id", id, "to", "ACTIVE", "v", 7)).then()
                .body("errors[0].extensions.code", equalTo("VERSION_CONFLICT"));
        Api.graphql(admin, m, Map.of("id", id, "to", "ACTIVE")).then().body("errors", nullValue())
                .body("data.transitionChannel.status", equalTo("ACTIVE")).body("data.transitionChannel.version", equalTo(2));
        Api.graphql(admin, m, Map.of("id", id, "to", "APPLIED")).then()
                .body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"));
        Api.graphql(admin, "query($id: ID!) { channelHistory(id: $id) { edges { node { from to actor reason } } } }", Map.of("id", id))
                .then().body("errors", nullValue())
                .body("data.channelHistory.edges.node.to", contains("APPLIED", "ACTIVE"))
                .body("data.channelHistory.edges[1].node.reason", equalTo("gql"));
    }
}
