package dev.channelhub.events;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.GraphQLWs;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OrderSubscriptionTest {

    private static final String SUBSCRIPTION = "subscription($c: ID!) { orderStatusChanged(channelId: $c) "
            + "{ orderId number channelId status paymentStatus occurredAt type } }";

    @Inject
    EventOutbox outbox;

    @Inject
    Db db;

    /** Subscribes to this test's orderStatusChanged document for one channel. */
    private static void subscribe(GraphQLWs ws, String id, String channelId) {
        ws.subscribe(id, SUBSCRIPTION, new JsonObject().put("c", channelId));
    }

    private static JsonObject change(JsonObject message) {
        assertNotNull(message, "a message arrives");
        assertEquals("next", message.getString("type"), message.encode());
        JsonObject change = message.getJsonObject("payload").getJsonObject("data").getJsonObject("orderStatusChanged");
        return change;
    }

    private void orderEvent(String tenant, String type, UUID orderId, UUID channelId, String status) {
        db.inTransaction(tx -> outbox.append(tx, tenant, "test", type, "order", orderId, channelId,
                Map.of("id", orderId.toString(), "number", "SO-1", "channelId", channelId.toString(), "status", status,
                        "paymentStatus", "UNPAID"))).await().indefinitely();
    }

    private static String channel(String admin, String code) {
        return Api.as(admin).body("{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"type\":\"DISTRIBUTOR\"}")
                .post("/api/v1/channels").then().statusCode(201).extract().path("id");
    }

    @Test
    void partnerReceivesItsOwnChannelsOrderEventsOnly() throws Exception {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String mine = channel(admin, "MINE");
        String other = channel(admin, "OTHER");
        try (GraphQLWs partner = GraphQLWs.withHeader(Tokens.partner(tenant, mine));
             GraphQLWs manager = GraphQLWs.withHeader(Tokens.token(tenant, "manager"))) {
            subscribe(partner, "1", mine);
            subscribe(manager, "m", other);
            Thread.sleep(1500);
            UUID order = UUID.randomUUID();
            // Noise: another channel, another tenant with the same channel id, a non-order event.
            orderEvent(tenant, "order.placed", UUID.randomUUID(), UUID.fromString(other), "SUBMITTED");
            orderEvent(Tokens.newTenant(), "order.placed", UUID.randomUUID(), UUID.fromString(mine), "SUBMITTED");
            db.inTransaction(tx -> outbox.append(tx, tenant, "test", "channel.status_changed", "channel", UUID.fromString(mine),
                    UUID.fromString(mine), Map.of("status", "ACTIVE"))).await().indefinitely();
            orderEvent(tenant, "order.placed", order, UUID.fromString(mine), "SUBMITTED");
            orderEvent(tenant, "order.confirmed", order, UUID.fromString(mine), "CONFIRMED");
            // The same noise again, then a marker per subscriber: the feed keeps commit order, so anything that leaked
            // through would arrive before the marker.
            orderEvent(tenant, "order.placed", UUID.randomUUID(), UUID.fromString(other), "SUBMITTED");
            orderEvent(Tokens.newTenant(), "order.placed", UUID.randomUUID(), UUID.fromString(mine), "SUBMITTED");
            orderEvent(tenant, "order.cancelled", UUID.randomUUID(), UUID.fromString(mine), "CANCELLED");
            orderEvent(tenant, "order.cancelled", UUID.randomUUID(), UUID.fromString(other), "CANCELLED");

            JsonObject first = partner.next();
            assertNotNull(first, "an event arrives");
            assertEquals("next", first.getString("type"), first.encode());
            assertEquals("1", first.getString("id"));
            JsonObject change = first.getJsonObject("payload").getJsonObject("data").getJsonObject("orderStatusChanged");
            assertEquals(order.toString(), change.getString("orderId"));
            assertEquals(mine, change.getString("channelId"));
            assertEquals("order.placed", change.getString("type"));
            assertEquals("SUBMITTED", change.getString("status"));
            assertEquals("UNPAID", change.getString("paymentStatus"));
            assertEquals("SO-1", change.getString("number"));
            assertNotNull(change.getString("occurredAt"));
            JsonObject second = partner.next();
            assertEquals("order.confirmed", second.getJsonObject("payload").getJsonObject("data")
                    .getJsonObject("orderStatusChanged").getString("type"));
            assertEquals("CONFIRMED", second.getJsonObject("payload").getJsonObject("data")
                    .getJsonObject("orderStatusChanged").getString("status"));
            JsonObject partnerMarker = partner.next();
            assertNotNull(partnerMarker, "the marker arrives");
            assertEquals("order.cancelled", change(partnerMarker).getString("type"), "nothing of other channels or tenants before the marker");
            assertEquals(mine, change(partnerMarker).getString("channelId"));

            assertEquals(List.of("order.placed", "order.placed", "order.cancelled"),
                    List.of(change(manager.next()).getString("type"), change(manager.next()).getString("type"),
                            change(manager.next()).getString("type")), "the manager sees the other channel's events only");
        }
    }

    @Test
    void partnerCannotSubscribeToAnotherChannel() throws Exception {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String mine = channel(admin, "MINE");
        String other = channel(admin, "OTHER");
        try (GraphQLWs partner = GraphQLWs.withHeader(Tokens.partner(tenant, mine))) {
            subscribe(partner, "x", other);
            JsonObject answer = partner.next();
            assertNotNull(answer);
            assertTrue(answer.encode().contains("NOT_FOUND"), answer.encode());
        }
        try (GraphQLWs foreign = GraphQLWs.withHeader(Tokens.token(Tokens.newTenant(), "admin"))) {
            subscribe(foreign, "y", mine);
            JsonObject answer = foreign.next();
            assertNotNull(answer);
            assertTrue(answer.encode().contains("NOT_FOUND"), answer.encode());
        }
    }
}
