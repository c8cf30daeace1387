package dev.channelhub.events;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WebhookApiTest {

    private static final String SECRET = "test-secret-0123456789";

    @Inject
    EventOutbox outbox;

    @Inject
    Db db;

    private static String hook(String url, String... events) {
        return new JsonObject().put("url", url).put("events", List.of(events)).put("secret", SECRET).encode();
    }

    private static String createHook(String token, String url, String... events) {
        return Api.as(token).body(hook(url, events)).post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    @Test
    @InvalidRequests("malformed webhooks, to see 400")
    void crudAndValidation() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        var created = Api.as(Tokens.token(tenant, "integration")).body("{\"url\":\"https://example.com/in\",\"events\":[\"order.*\"]}")
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("secret", startsWith("whsec_")).body("version", equalTo(1)).extract();
        String id = created.path("id");
        Api.as(admin).get("/api/v1/webhooks/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("events", equalTo(List.of("order.*"))).body("secret", nullValue());
        Api.as(admin).get("/api/v1/webhooks").then().statusCode(200).body("items", hasSize(1));
        Api.as(admin).header("If-Match", "\"7\"").body("{\"events\":[\"channel.*\"]}").patch("/api/v1/webhooks/" + id)
                .then().statusCode(412).body("code", equalTo("VERSION_CONFLICT"));
        Api.as(admin).header("If-Match", "\"1\"").body("{\"events\":[\"channel.*\"],\"status\":\"DISABLED\"}").patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("events", equalTo(List.of("channel.*"))).body("status", equalTo("DISABLED"))
                .body("version", equalTo(2));
        Api.as(admin).body("{\"url\":\"ftp://example.com\",\"events\":[\"order.*\"]}").post("/api/v1/webhooks")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("url"));
        Api.as(admin).body("{\"url\":\"https://example.com\",\"events\":[\"order.%\"]}").post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("events[0]"));
        Api.as(admin).body("{\"url\":\"https://example.com\",\"events\":[]}").post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("events"));
        Api.as(admin).body("{\"url\":\"https://example.com\",\"events\":[\"*\"],\"secret\":\"short\"}").post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("secret"));
        Api.as(admin).post("/api/v1/webhooks/" + id + "/replay").then().statusCode(400).body("errors[0].field", equalTo("from"));
        Api.as(admin).post("/api/v1/webhooks/" + id + "/replay?from=yesterday").then().statusCode(400).body("errors[0].field", equalTo("from"));
        Api.as(admin).get("/api/v1/webhooks/" + id + "/deliveries?status=LOST").then().statusCode(400);
        Api.as(admin).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        Api.as(admin).get("/api/v1/webhooks/" + id).then().statusCode(404);
        Api.as(admin).delete("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void onlyAdminAndIntegrationWithinTheTenant() {
        String tenant = Tokens.newTenant();
        String id = createHook(Tokens.token(tenant, "admin"), "https://example.com/in", "*");
        for (String role : List.of("manager", "sales")) {
            Api.as(Tokens.token(tenant, role)).body(hook("https://example.com", "*")).post("/api/v1/webhooks").then().statusCode(403);
        }
        Api.as(Tokens.token(tenant, "sales")).get("/api/v1/webhooks").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        // A manager reads everything (contract §3), webhooks too, but does not change them.
        Api.as(Tokens.token(tenant, "manager")).get("/api/v1/webhooks").then().statusCode(200);
        Api.as(Tokens.partner(tenant, UUID.randomUUID().toString())).get("/api/v1/webhooks/" + id).then().statusCode(403);
        Api.as(null).get("/api/v1/webhooks").then().statusCode(401);
        String other = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(other).get("/api/v1/webhooks/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(other).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
        Api.as(other).post("/api/v1/webhooks/" + id + "/replay?from=0").then().statusCode(404);
        Api.as(other).body("{\"status\":\"DISABLED\"}").patch("/api/v1/webhooks/" + id).then().statusCode(404);
        Api.as(other).delete("/api/v1/webhooks/" + id).then().statusCode(404);
        Api.as(other).get("/api/v1/webhooks").then().body("items", hasSize(0));
        Api.as(Tokens.token(tenant, "integration")).get("/api/v1/webhooks/" + id).then().statusCode(200);
    }

    @Test
    void signedDeliveryOfAChannelEvent() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            String admin = Tokens.token(Tokens.newTenant(), "admin");
            String hookId = createHook(admin, receiver.url(), "channel.*");
            String channelId = Api.as(admin).body("{\"code\":\"WH1\",\"name\":\"Hooked\",\"type\":\"DIRECT\"}").post("/api/v1/channels")
                    .then().statusCode(201).extract().path("id");
            TestReceiver.await("channel.created delivery", () -> receiver.succeeded().size() >= 1);
            TestReceiver.Received r = receiver.received.get(0);
            assertTrue(WebhookSigner.verify(SECRET, r.header("X-ChannelHub-Timestamp"), r.body(), r.header("X-ChannelHub-Signature")),
                    "signature verifies with the shared secret");
            assertTrue(!WebhookSigner.verify("wrong-secret-000000", r.header("X-ChannelHub-Timestamp"), r.body(),
                    r.header("X-ChannelHub-Signature")));
            JsonObject body = new JsonObject(r.body());
            assertEquals("channel.created", body.getString("type"));
            assertEquals(channelId, body.getString("aggregateId"));
            assertEquals("WH1", body.getJsonObject("data").getString("code"));
            assertEquals(body.getString("id"), r.header("X-ChannelHub-Event-Id"));
            TestReceiver.await("log says delivered", () -> "DELIVERED".equals(Api.as(admin).get("/api/v1/webhooks/" + hookId + "/deliveries")
                    .then().extract().path("items[0].status")));
            Api.as(admin).get("/api/v1/webhooks/" + hookId + "/deliveries").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].eventType", equalTo("channel.created"))
                    .body("items[0].attempts", equalTo(1)).body("items[0].lastStatusCode", equalTo(200))
                    .body("items[0].deliveredAt", notNullValue());
        }
    }

    @Test
    void rolledBackWriteEmitsNothing() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            String tenant = Tokens.newTenant();
            String admin = Tokens.token(tenant, "admin");
            String hookId = createHook(admin, receiver.url(), "*");
            Api.as(admin).body("{\"code\":\"DUP\",\"name\":\"First\",\"type\":\"DIRECT\"}").post("/api/v1/channels").then().statusCode(201);
            Api.as(admin).body("{\"code\":\"DUP\",\"name\":\"Second\",\"type\":\"AGENT\"}").post("/api/v1/channels").then().statusCode(409);
            // A bad parent makes the transaction fail after nothing was committed either.
            Api.as(admin).body("{\"code\":\"ORPHAN\",\"name\":\"x\",\"type\":\"AGENT\",\"parentId\":\"" + UUID.randomUUID() + "\"}")
                    .post("/api/v1/channels").then().statusCode(400);
            long events = db.query("select count(*) from event_outbox where tenant_id = $1", Tuple.of(tenant))
                    .await().indefinitely().iterator().next().getLong(0);
            assertEquals(1, events, "only the committed channel emitted an event");
            // A committed marker after the failed writes: once it is delivered, everything before it was fanned out.
            Api.as(admin).body("{\"code\":\"MARK\",\"name\":\"Marker\",\"type\":\"DIRECT\"}").post("/api/v1/channels").then().statusCode(201);
            TestReceiver.await("the marker", () -> receiver.succeeded().stream()
                    .anyMatch(r -> "Marker".equals(new JsonObject(r.body()).getJsonObject("data").getString("name"))));
            Api.as(admin).get("/api/v1/webhooks/" + hookId + "/deliveries").then().body("items", hasSize(2));
            assertEquals(List.of("First", "Marker"), receiver.received.stream()
                    .map(r -> new JsonObject(r.body()).getJsonObject("data").getString("name")).sorted().toList());
        }
    }

    @Test
    void failedDeliveriesAreRetriedWithBackoffThenSucceed() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            AtomicInteger calls = new AtomicInteger();
            receiver.answer = body -> calls.incrementAndGet() <= 2 ? 503 : 204;
            String tenant = Tokens.newTenant();
            String admin = Tokens.token(tenant, "admin");
            String hookId = createHook(admin, receiver.url(), "test.*");
            UUID aggregate = UUID.randomUUID();
            append(tenant, "test.happened", aggregate, Map.of("n", 1));
            TestReceiver.await("third attempt succeeds", () -> receiver.succeeded().size() == 1);
            assertEquals(3, receiver.received.size());
            assertEquals(receiver.received.get(0).header("X-ChannelHub-Event-Id"), receiver.received.get(2).header("X-ChannelHub-Event-Id"));
            assertEquals(receiver.received.get(0).header("X-ChannelHub-Delivery-Id"), receiver.received.get(2).header("X-ChannelHub-Delivery-Id"));
            TestReceiver.await("log", () -> "DELIVERED".equals(Api.as(admin).get("/api/v1/webhooks/" + hookId + "/deliveries")
                    .then().extract().path("items[0].status")));
            Api.as(admin).get("/api/v1/webhooks/" + hookId + "/deliveries").then()
                    .body("items[0].attempts", equalTo(3)).body("items[0].lastStatusCode", equalTo(204));
            Api.as(admin).get("/api/v1/webhooks/" + hookId).then().body("consecutiveFailures", equalTo(0)).body("status", equalTo("ACTIVE"));
        }
    }

    /**
     * A backlog of several claim batches (100 each) committed at once: every event is delivered exactly once per success,
     * with the round's successes marked together and the round's failures retried on their own.
     */
    @Test
    void aBacklogOfSeveralRoundsIsDeliveredOnceEachWithFailuresRetriedApart() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            java.util.Set<Integer> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
            receiver.answer = body -> {
                int n = new JsonObject(body).getJsonObject("data").getInteger("n");
                return n % 25 == 0 && failedOnce.add(n) ? 500 : 204;
            };
            String tenant = Tokens.newTenant();
            String admin = Tokens.token(tenant, "admin");
            String hookId = createHook(admin, receiver.url(), "test.*");
            int events = 250;
            db.inTransaction(tx -> {
                io.smallrye.mutiny.Uni<Void> chain = io.smallrye.mutiny.Uni.createFrom().voidItem();
                for (int i = 1; i <= events; i++) {
                    int n = i;
                    chain = chain.flatMap(x -> outbox.append(tx, tenant, "test", "test.happened", "test", UUID.randomUUID(), null,
                            Map.of("n", n)).replaceWithVoid());
                }
                return chain;
            }).await().indefinitely();
            TestReceiver.await("all " + events + " delivered", () -> receiver.succeeded().size() >= events);
            assertEquals(java.util.stream.IntStream.rangeClosed(1, events).boxed().toList(), numbers(receiver.succeeded()),
                    "each event succeeded exactly once");
            assertEquals(events + 10, receiver.received.size(), "the 10 refused first attempts were sent again, nothing else");
            TestReceiver.await("all marked", () -> db.one("select count(*) as n from webhook_delivery where tenant_id = $1 and "
                    + "status = 'DELIVERED' and last_status_code = 204", Tuple.of(tenant), r -> r.getLong("n"))
                    .await().indefinitely().orElseThrow() == events);
            Api.as(admin).get("/api/v1/webhooks/" + hookId).then().body("consecutiveFailures", equalTo(0)).body("status", equalTo("ACTIVE"));
        }
    }

    @Test
    void repeatedFailuresDisableTheWebhookAndReenablingDeliversWhatWaited() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            receiver.answer = body -> 500;
            String tenant = Tokens.newTenant();
            String admin = Tokens.token(tenant, "admin");
            String hookId = createHook(admin, receiver.url(), "*");
            append(tenant, "test.happened", UUID.randomUUID(), Map.of("n", 1));
            TestReceiver.await("disabled", () -> "DISABLED".equals(Api.as(admin).get("/api/v1/webhooks/" + hookId).then().extract().path("status")));
            int attempts = receiver.received.size();
            assertEquals(4, attempts, "disabled after the configured 4 consecutive failures");
            Api.as(admin).get("/api/v1/webhooks/" + hookId).then().body("disabledReason", startsWith("disabled after 4"));
            // Another, healthy webhook of the tenant is the marker: once it has the event appended after n = 2 (so a
            // whole dispatch round ran after n = 2 was committed), the disabled one would have sent n = 2 if it could.
            try (TestReceiver marker = new TestReceiver()) {
                String markerHook = createHook(admin, marker.url(), "*");
                append(tenant, "test.happened", UUID.randomUUID(), Map.of("n", 2));
                TestReceiver.await("n = 2 at the healthy webhook", () -> marker.succeeded().size() == 1);
                append(tenant, "test.happened", UUID.randomUUID(), Map.of("n", 3));
                TestReceiver.await("n = 3 at the healthy webhook", () -> marker.succeeded().size() == 2);
                Api.as(admin).delete("/api/v1/webhooks/" + markerHook).then().statusCode(204);
            }
            assertEquals(attempts, receiver.received.size(), "nothing is sent while disabled");
            receiver.answer = body -> 200;
            Api.as(admin).body("{\"status\":\"ACTIVE\"}").patch("/api/v1/webhooks/" + hookId).then().statusCode(200)
                    .body("status", equalTo("ACTIVE")).body("consecutiveFailures", equalTo(0));
            TestReceiver.await("the three events after re-enabling", () -> receiver.succeeded().size() == 3);
        }
    }

    @Test
    void eventsOfOneAggregateAreDeliveredInOrderEvenAcrossRetries() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            AtomicInteger firstTries = new AtomicInteger();
            // The first event fails twice; the later ones must wait for it.
            receiver.answer = body -> new JsonObject(body).getJsonObject("data").getInteger("n") == 1 && firstTries.incrementAndGet() <= 2 ? 500 : 200;
            String tenant = Tokens.newTenant();
            String admin = Tokens.token(tenant, "admin");
            createHook(admin, receiver.url(), "test.*");
            UUID aggregate = UUID.randomUUID();
            UUID otherAggregate = UUID.randomUUID();
            for (int n = 1; n <= 4; n++) {
                append(tenant, "test.step", aggregate, Map.of("n", n));
            }
            append(tenant, "test.step", otherAggregate, Map.of("n", 100));
            TestReceiver.await("all five delivered", () -> receiver.succeeded().size() == 5);
            List<Integer> order = new ArrayList<>();
            for (TestReceiver.Received r : receiver.received) {
                int n = new JsonObject(r.body()).getJsonObject("data").getInteger("n");
                if (n != 100) {
                    order.add(n);
                }
            }
            assertEquals(List.of(1, 1, 1, 2, 3, 4), order, "event n+1 is never sent before n succeeded");
        }
    }

    /**
     * While an aggregate's event is pending, its later events wait parked (outside the claim's due range, so a claim never
     * walks over them) and become due one by one as the one before is delivered.
     */
    @Test
    void laterEventsOfABusyAggregateWaitParkedUntilTheOneBeforeIsDelivered() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            receiver.answer = body -> {
                if (new JsonObject(body).getJsonObject("data").getInteger("n") == 1) {
                    try { // hold the first event in flight until the test has looked
                        release.await(8, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return 204;
            };
            String tenant = Tokens.newTenant();
            String admin = Tokens.token(tenant, "admin");
            String hookId = createHook(admin, receiver.url(), "test.*");
            UUID aggregate = UUID.randomUUID();
            for (int n = 1; n <= 3; n++) {
                append(tenant, "test.step", aggregate, Map.of("n", n));
            }
            String parked = "select count(*) filter (where next_attempt_at = 'infinity') as n from webhook_delivery where tenant_id = $1";
            TestReceiver.await("three deliveries, the first in flight", () -> receiver.received.isEmpty() && db.one(
                    "select count(*) as n from webhook_delivery where tenant_id = $1 and attempts = 1", Tuple.of(tenant),
                    r -> r.getLong("n")).await().indefinitely().orElseThrow() == 1 && db.one(
                    "select count(*) as n from webhook_delivery where tenant_id = $1", Tuple.of(tenant), r -> r.getLong("n"))
                    .await().indefinitely().orElseThrow() == 3);
            List<Object> waiting = db.list("select event_seq, next_attempt_at = 'infinity' as parked from webhook_delivery "
                    + "where tenant_id = $1 order by event_seq", Tuple.of(tenant), r -> (Object) r.getBoolean("parked"))
                    .await().indefinitely();
            assertEquals(List.of(false, true, true), waiting, "the first is due (in flight), the two after it parked");
            List<Object> nextAttempts = Api.as(admin).get("/api/v1/webhooks/" + hookId + "/deliveries?status=PENDING").then()
                    .statusCode(200).extract().jsonPath().getList("items.nextAttemptAt");
            assertEquals(3, nextAttempts.size());
            assertEquals(2, nextAttempts.stream().filter(java.util.Objects::isNull).count(), "a parked delivery has no due time: " + nextAttempts);
            release.countDown();
            TestReceiver.await("all three delivered", () -> receiver.succeeded().size() == 3);
            assertEquals(List.of(1, 2, 3), receiver.received.stream()
                    .map(r -> new JsonObject(r.body()).getJsonObject("data").getInteger("n")).toList(), "in order");
            TestReceiver.await("none left parked", () -> db.one(parked, Tuple.of(tenant), r -> r.getLong("n"))
                    .await().indefinitely().orElseThrow() == 0);
        }
    }

    @Test
    void replayResendsEventsWithTheirOriginalIds() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            String tenant = Tokens.newTenant();
            String admin = Tokens.token(tenant, "admin");
            // An event from before the webhook existed comes only through a replay.
            append(tenant, "test.old", UUID.randomUUID(), Map.of("n", 0));
            String hookId = createHook(Tokens.token(tenant, "integration"), receiver.url(), "test.*");
            append(tenant, "test.new", UUID.randomUUID(), Map.of("n", 1));
            append(tenant, "test.new", UUID.randomUUID(), Map.of("n", 2));
            append(tenant, "other.thing", UUID.randomUUID(), Map.of("n", 3));
            // The marker comes after the unsubscribed event: once it is delivered, that event was passed over.
            append(tenant, "test.marker", UUID.randomUUID(), Map.of("n", 4));
            TestReceiver.await("two new events and the marker", () -> receiver.succeeded().size() == 3);
            assertEquals(List.of(1, 2, 4), numbers(receiver.received), "the old event and the unsubscribed type are not sent");
            TestReceiver.Received second = receiver.received.stream()
                    .filter(r -> new JsonObject(r.body()).getJsonObject("data").getInteger("n") == 2).findFirst().orElseThrow();
            long secondSeq = new JsonObject(second.body()).getLong("sequence");
            String secondId = second.header("X-ChannelHub-Event-Id");
            String markerId = receiver.received.stream()
                    .filter(r -> new JsonObject(r.body()).getJsonObject("data").getInteger("n") == 4).findFirst().orElseThrow()
                    .header("X-ChannelHub-Event-Id");

            Api.as(admin).post("/api/v1/webhooks/" + hookId + "/replay?from=" + secondSeq).then().statusCode(202)
                    .body("replayed", equalTo(2));
            TestReceiver.await("replay of the second and the marker", () -> receiver.succeeded().size() == 5);
            assertEquals(java.util.Set.of(secondId, markerId), java.util.Set.of(receiver.received.get(3).header("X-ChannelHub-Event-Id"),
                    receiver.received.get(4).header("X-ChannelHub-Event-Id")));

            Api.as(admin).post("/api/v1/webhooks/" + hookId + "/replay?from=2000-01-01T00:00:00Z").then().statusCode(202)
                    .body("replayed", equalTo(4));
            TestReceiver.await("replay of everything matching", () -> receiver.succeeded().size() == 9);
            assertEquals(List.of(0, 1, 1, 2, 2, 2, 4, 4, 4), numbers(receiver.received));
            Api.as(admin).get("/api/v1/webhooks/" + hookId + "/deliveries?limit=3").then().statusCode(200)
                    .body("items", hasSize(3)).body("nextCursor", notNullValue());
            TestReceiver.await("log complete", () -> ((List<?>) Api.as(admin).get("/api/v1/webhooks/" + hookId + "/deliveries?status=DELIVERED")
                    .then().extract().path("items")).size() == 9);
            Api.as(admin).get("/api/v1/webhooks/" + hookId + "/deliveries").then()
                    .body("items.findAll { it.replay }.size()", equalTo(6));
        }
    }

    private static List<Integer> numbers(List<TestReceiver.Received> received) {
        return received.stream().map(r -> new JsonObject(r.body()).getJsonObject("data").getInteger("n")).sorted().toList();
    }

    private void append(String tenant, String type, UUID aggregate, Map<String, Object> payload) {
        db.inTransaction(tx -> outbox.append(tx, tenant, "test", type, "test", aggregate, null, payload)).await().indefinitely();
    }
}
