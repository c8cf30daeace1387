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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subscriptions: the token in connection_init, a bound per connection, the end at token expiry (events/graphql/SubscriptionGuard). */
@QuarkusTest
class SubscriptionRulesTest {

    private static final String SUBSCRIPTION = "subscription($c: ID!) { orderStatusChanged(channelId: $c) { orderId type } }";

    @Inject
    EventOutbox outbox;

    @Inject
    Db db;

    /** graphql-transport-ws without an Authorization header on the upgrade (as a browser does). */
    static final class Ws implements WebSocket.Listener, AutoCloseable {
        final LinkedBlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        volatile int closeCode;
        WebSocket ws;

        static Ws open(JsonObject initPayload) throws Exception {
            return open(null, initPayload);
        }

        /** The token on the upgrade request (non-browser clients), so these tests do not depend on connection_init. */
        static Ws withHeader(String token) throws Exception {
            return open(token, new JsonObject());
        }

        private static Ws open(String headerToken, JsonObject initPayload) throws Exception {
            Ws c = new Ws();
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .connectTimeout(Duration.ofSeconds(10));
            if (headerToken != null) {
                builder.header("Authorization", "Bearer " + headerToken);
            }
            c.ws = builder.buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/graphql"), c).get(10, TimeUnit.SECONDS);
            c.send(new JsonObject().put("type", "connection_init").put("payload", initPayload));
            JsonObject ack = c.next(10);
            assertNotNull(ack, "connection_ack");
            assertEquals("connection_ack", ack.getString("type"), ack.encode());
            return c;
        }

        static Ws withToken(String token) throws Exception {
            return open(new JsonObject().put("Authorization", "Bearer " + token));
        }

        void subscribe(String id, String query, JsonObject variables) {
            send(new JsonObject().put("id", id).put("type", "subscribe")
                    .put("payload", new JsonObject().put("query", query).put("variables", variables)));
        }

        void subscribe(String id, String channelId) {
            subscribe(id, SUBSCRIPTION, new JsonObject().put("c", channelId));
        }

        void send(JsonObject message) {
            ws.sendText(message.encode(), true).join();
        }

        /** The next message other than a ping within {@code seconds} (the server pings every 10 s). */
        JsonObject next(int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                JsonObject m = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            messages.add(new JsonObject().put("type", "closed").put("code", statusCode).put("reason", reason));
            return null;
        }

        @Override
        public void close() {
            ws.abort();
        }
    }

    private void orderEvent(String tenant, UUID channelId) {
        UUID orderId = UUID.randomUUID();
        db.inTransaction(tx -> outbox.append(tx, tenant, "test", "order.placed", "order", orderId, channelId,
                Map.of("id", orderId.toString(), "number", "SO-1", "channelId", channelId.toString(), "status", "SUBMITTED",
                        "paymentStatus", "UNPAID"))).await().indefinitely();
    }

    private static String channel(String admin, String code) {
        return Api.as(admin).body("{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"type\":\"DISTRIBUTOR\"}")
                .post("/api/v1/channels").then().statusCode(201).extract().path("id");
    }

    /** Delivers events until one reaches subscription {@code id} (the feed may start a moment after subscribing). */
    private JsonObject awaitEvent(Ws ws, String id, String tenant, String channelId) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            orderEvent(tenant, UUID.fromString(channelId));
            JsonObject m = ws.next(1);
            while (m != null) {
                if (id.equals(m.getString("id"))) {
                    return m;
                }
                m = ws.next(0);
            }
        }
        throw new AssertionError("no event for subscription " + id);
    }

    @Test
    void theTokenMayComeInConnectionInit() throws Exception {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String mine = channel(admin, "MINE");
        String other = channel(admin, "OTHER");
        try (Ws partner = Ws.withToken(Tokens.partner(tenant, mine))) {
            partner.subscribe("1", mine);
            JsonObject event = awaitEvent(partner, "1", tenant, mine);
            assertEquals("next", event.getString("type"), event.encode());
            assertEquals("order.placed", event.getJsonObject("payload").getJsonObject("data").getJsonObject("orderStatusChanged")
                    .getString("type"), event.encode());
            // Another channel stays NOT_FOUND for a partner.
            partner.subscribe("2", other);
            JsonObject refused = partner.next(10);
            assertNotNull(refused);
            assertEquals("2", refused.getString("id"), refused.encode());
            assertTrue(refused.encode().contains("NOT_FOUND"), refused.encode());
        }
    }

    @Test
    void withoutATokenOrWithoutARoleEveryOperationIsRefused() throws Exception {
        String tenant = Tokens.newTenant();
        String mine = channel(Tokens.token(tenant, "admin"), "MINE");
        try (Ws anonymous = Ws.open(new JsonObject())) {
            anonymous.subscribe("s", mine);
            JsonObject refused = anonymous.next(10);
            assertNotNull(refused);
            assertEquals("error", refused.getString("type"), refused.encode());
            assertTrue(refused.encode().contains("UNAUTHENTICATED"), refused.encode());
            anonymous.subscribe("q", "{ __typename }", new JsonObject());
            JsonObject query = anonymous.next(10);
            assertNotNull(query);
            assertTrue(query.encode().contains("UNAUTHENTICATED") && !query.encode().contains("\"Query\""), query.encode());
        }
        try (Ws noRole = Ws.withToken(Tokens.token(tenant, "viewer"))) {
            noRole.subscribe("s", mine);
            JsonObject refused = noRole.next(10);
            assertNotNull(refused);
            assertTrue(refused.encode().contains("FORBIDDEN"), refused.encode());
            noRole.subscribe("q", "{ __typename }", new JsonObject());
            JsonObject query = noRole.next(10);
            assertNotNull(query);
            assertTrue(query.encode().contains("FORBIDDEN") && !query.encode().contains("\"Query\""), query.encode());
        }
    }

    @Test
    void aConnectionHoldsAtMostTenSubscriptions() throws Exception {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String mine = channel(admin, "MINE");
        try (Ws manager = Ws.withHeader(Tokens.token(tenant, "manager"))) {
            for (int i = 1; i <= 10; i++) {
                manager.subscribe("s" + i, mine);
            }
            manager.subscribe("s11", mine);
            JsonObject refused = manager.next(10);
            assertNotNull(refused);
            assertEquals("s11", refused.getString("id"), refused.encode());
            assertTrue(refused.encode().contains("LIMIT_EXCEEDED"), refused.encode());
            // Completing one frees its place; the ten live ones still deliver.
            manager.send(new JsonObject().put("id", "s1").put("type", "complete"));
            manager.subscribe("s12", mine);
            JsonObject event = awaitEvent(manager, "s12", tenant, mine);
            assertEquals("next", event.getString("type"), event.encode());
        }
        // The bound is per connection: another connection starts afresh.
        try (Ws another = Ws.withHeader(Tokens.token(tenant, "manager"))) {
            another.subscribe("a", mine);
            assertEquals("next", awaitEvent(another, "a", tenant, mine).getString("type"));
        }
    }

    @Test
    void aSubscriptionEndsWithUnauthenticatedWhenItsTokenExpires() throws Exception {
        String tenant = Tokens.newTenant();
        String mine = channel(Tokens.token(tenant, "admin"), "MINE");
        try (Ws partner = Ws.withHeader(Tokens.partner(tenant, mine, 4))) {
            partner.subscribe("e", mine);
            JsonObject last = null;
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline) {
                JsonObject m = partner.next(15);
                if (m == null || "complete".equals(m.getString("type")) || "closed".equals(m.getString("type"))) {
                    assertNotNull(last, "an UNAUTHENTICATED message before the end");
                    assertNotNull(m, "the subscription ends");
                    assertEquals("complete", m.getString("type"), m.encode());
                    assertTrue(last.encode().contains("UNAUTHENTICATED"), last.encode());
                    return;
                }
                last = m;
            }
            throw new AssertionError("the subscription outlived its token");
        }
    }
}
