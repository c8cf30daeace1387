package dev.channelhub.events;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.GraphQLWs;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

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

    /** Subscribes to this test's orderStatusChanged document for one channel. */
    private static void subscribe(GraphQLWs ws, String id, String channelId) {
        ws.subscribe(id, SUBSCRIPTION, new JsonObject().put("c", channelId));
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
    private JsonObject awaitEvent(GraphQLWs ws, String id, String tenant, String channelId) throws InterruptedException {
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
        try (GraphQLWs partner = GraphQLWs.withToken(Tokens.partner(tenant, mine))) {
            subscribe(partner, "1", mine);
            JsonObject event = awaitEvent(partner, "1", tenant, mine);
            assertEquals("next", event.getString("type"), event.encode());
            assertEquals("order.placed", event.getJsonObject("payload").getJsonObject("data").getJsonObject("orderStatusChanged")
                    .getString("type"), event.encode());
            // Another channel stays NOT_FOUND for a partner.
            subscribe(partner, "2", other);
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
        try (GraphQLWs anonymous = GraphQLWs.open(new JsonObject())) {
            subscribe(anonymous, "s", mine);
            JsonObject refused = anonymous.next(10);
            assertNotNull(refused);
            assertEquals("error", refused.getString("type"), refused.encode());
            assertTrue(refused.encode().contains("UNAUTHENTICATED"), refused.encode());
            anonymous.subscribe("q", "{ __typename }", new JsonObject());
            JsonObject query = anonymous.next(10);
            assertNotNull(query);
            assertTrue(query.encode().contains("UNAUTHENTICATED") && !query.encode().contains("\"Query\""), query.encode());
        }
        try (GraphQLWs noRole = GraphQLWs.withToken(Tokens.token(tenant, "viewer"))) {
            subscribe(noRole, "s", mine);
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
        try (GraphQLWs manager = GraphQLWs.withHeader(Tokens.token(tenant, "manager"))) {
            for (int i = 1; i <= 10; i++) {
                subscribe(manager, "s" + i, mine);
            }
            subscribe(manager, "s11", mine);
            JsonObject refused = manager.next(10);
            assertNotNull(refused);
            assertEquals("s11", refused.getString("id"), refused.encode());
            assertTrue(refused.encode().contains("LIMIT_EXCEEDED"), refused.encode());
            // Completing one frees its place; the ten live ones still deliver.
            manager.send(new JsonObject().put("id", "s1").put("type", "complete"));
            subscribe(manager, "s12", mine);
            JsonObject event = awaitEvent(manager, "s12", tenant, mine);
            assertEquals("next", event.getString("type"), event.encode());
        }
        // The bound is per connection: another connection starts afresh.
        try (GraphQLWs another = GraphQLWs.withHeader(Tokens.token(tenant, "manager"))) {
            subscribe(another, "a", mine);
            assertEquals("next", awaitEvent(another, "a", tenant, mine).getString("type"));
        }
    }

    @Test
    void aSubscriptionEndsWithUnauthenticatedWhenItsTokenExpires() throws Exception {
        String tenant = Tokens.newTenant();
        String mine = channel(Tokens.token(tenant, "admin"), "MINE");
        try (GraphQLWs partner = GraphQLWs.withHeader(Tokens.partner(tenant, mine, 4))) {
            subscribe(partner, "e", mine);
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
