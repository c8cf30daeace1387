package dev.channelhub.events;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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

    /** A graphql-transport-ws client on java.net.http. */
    static final class WsClient implements WebSocket.Listener, AutoCloseable {
        final LinkedBlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        static WsClient connect(String token) throws Exception {
            WsClient c = new WsClient();
            c.ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .subprotocols("graphql-transport-ws")
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/graphql"), c).get(10, TimeUnit.SECONDS);
            c.send(new JsonObject().put("type", "connection_init").put("payload", new JsonObject()));
            JsonObject ack = c.next();
            assertEquals("connection_ack", ack.getString("type"), ack.encode());
            return c;
        }

        void subscribe(String id, String channelId) {
            send(new JsonObject().put("id", id).put("type", "subscribe").put("payload",
                    new JsonObject().put("query", SUBSCRIPTION).put("variables", new JsonObject().put("c", channelId))));
        }

        void send(JsonObject message) {
            ws.sendText(message.encode(), true).join();
        }

        JsonObject next() throws InterruptedException {
            return next(10);
        }

        JsonObject next(int seconds) throws InterruptedException {
            while (true) {
                JsonObject m = messages.poll(seconds, TimeUnit.SECONDS);
                if (m == null || !"ping".equals(m.getString("type"))) {
                    return m;
                }
                send(new JsonObject().put("type", "pong"));
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            ws.abort();
        }
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
        try (WsClient partner = WsClient.connect(Tokens.partner(tenant, mine));
             WsClient manager = WsClient.connect(Tokens.token(tenant, "manager"))) {
            partner.subscribe("1", mine);
            manager.subscribe("m", other);
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
        try (WsClient partner = WsClient.connect(Tokens.partner(tenant, mine))) {
            partner.subscribe("x", other);
            JsonObject answer = partner.next();
            assertNotNull(answer);
            assertTrue(answer.encode().contains("NOT_FOUND"), answer.encode());
        }
        try (WsClient foreign = WsClient.connect(Tokens.token(Tokens.newTenant(), "admin"))) {
            foreign.subscribe("y", mine);
            JsonObject answer = foreign.next();
            assertNotNull(answer);
            assertTrue(answer.encode().contains("NOT_FOUND"), answer.encode());
        }
    }
}
