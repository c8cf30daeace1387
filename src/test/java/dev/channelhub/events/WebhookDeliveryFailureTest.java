package dev.channelhub.events;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries that fail below HTTP (nobody listening, a target that never answers) are failures like a 5xx: kept,
 * retried with backoff and counted towards disabling; and a delivery whose sender died mid-send is sent again once
 * its lease runs out. (The test profile allows loopback targets; the target guard itself is tested elsewhere.)
 */
@QuarkusTest
class WebhookDeliveryFailureTest {

    private static final String SECRET = "test-secret-0123456789";

    @Inject
    EventOutbox outbox;

    @Inject
    Db db;

    private static String createHook(String token, String url, String... events) {
        return Api.as(token).body(new JsonObject().put("url", url).put("events", List.of(events)).put("secret", SECRET).encode())
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    private UUID append(String tenant, String type, UUID aggregate, Map<String, Object> payload) {
        db.inTransaction(tx -> outbox.append(tx, tenant, "test", type, "test", aggregate, null, payload)).await().indefinitely();
        return db.one("select id from event_outbox where tenant_id = $1 and aggregate_id = $2 order by seq desc limit 1",
                Tuple.of(tenant, aggregate), r -> r.getUUID("id")).await().indefinitely().orElseThrow();
    }

    private static JsonPath lastDelivery(String admin, String hookId) {
        return Api.as(admin).get("/api/v1/webhooks/" + hookId + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRefusedConnectionIsAFailedAttemptThatIsRetriedAndCounted() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // closed again: nobody listens on it
        }
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String hookId = createHook(admin, "http://127.0.0.1:" + port + "/hook", "test.*");
        append(tenant, "test.happened", UUID.randomUUID(), Map.of("n", 1));
        TestReceiver.await("a retried, refused delivery", () -> {
            JsonPath d = lastDelivery(admin, hookId);
            return d.getInt("items.size()") == 1 && d.getInt("items[0].attempts") >= 2 && d.getString("items[0].lastError") != null;
        });
        JsonPath d = lastDelivery(admin, hookId);
        assertEquals("PENDING", d.getString("items[0].status"), "a refused delivery is kept for the next attempt");
        assertNull(d.get("items[0].lastStatusCode"));
        // The JDK client reports a refused connection as a ConnectException caused by a ClosedChannelException; the
        // log keeps the root cause.
        String error = d.getString("items[0].lastError");
        assertTrue(error.contains("ClosedChannelException") || error.contains("ConnectException"), error);
        TestReceiver.await("disabled after 4 refused attempts",
                () -> "DISABLED".equals(Api.as(admin).get("/api/v1/webhooks/" + hookId).then().extract().path("status")));
        String reason = Api.as(admin).get("/api/v1/webhooks/" + hookId).then().extract().path("disabledReason");
        assertTrue(reason.startsWith("disabled after 4") && reason.contains("Exception"), reason);
    }

    @Test
    void aTargetThatNeverAnswersTimesOutAndIsRetried() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, read from never, answered never
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String tenant = Tokens.newTenant();
            String admin = Tokens.token(tenant, "admin");
            String hookId = createHook(admin, "http://127.0.0.1:" + silent.getLocalPort() + "/hook", "test.*");
            append(tenant, "test.happened", UUID.randomUUID(), Map.of("n", 1));
            // The configured timeout is 5 s in the test profile; the lease is 60 s, so a recorded error is the timeout's.
            TestReceiver.await("a timed-out attempt", () -> lastDelivery(admin, hookId).getString("items[0].lastError") != null);
            JsonPath d = lastDelivery(admin, hookId);
            assertEquals("PENDING", d.getString("items[0].status"));
            assertNull(d.get("items[0].lastStatusCode"));
            assertTrue(d.getString("items[0].lastError").toLowerCase().contains("timeout"), d.getString("items[0].lastError"));
            assertTrue(held.size() >= 1, "the request reached the silent target");
            int failures = Api.as(admin).get("/api/v1/webhooks/" + hookId).then().extract().path("consecutiveFailures");
            assertTrue(failures >= 1, "a timeout counts towards disabling: " + failures);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /**
     * A dispatcher that claimed a delivery and died leaves it PENDING with a lease (next_attempt_at in the future).
     * While the lease runs nobody sends it; once it has run out, the next round claims and sends it.
     */
    @Test
    void aDeliveryLeftLeasedByADeadSenderIsSentAgainAfterItsLease() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            String tenant = Tokens.newTenant();
            String admin = Tokens.token(tenant, "admin");
            String hookId = createHook(admin, receiver.url(), "test.*");
            // The stranded delivery is written by hand (its type is not subscribed, so the fan-out never makes another).
            UUID strandedEvent = append(tenant, "lease.stranded", UUID.randomUUID(), Map.of("n", 0));
            UUID deliveryId = Ids.newId();
            db.query("""
                    insert into webhook_delivery (tenant_id, id, webhook_id, event_seq, event_id, event_type, aggregate_id, status,
                        attempts, last_attempt_at, next_attempt_at)
                    select tenant_id, $2, $3, seq, id, type, aggregate_id, 'PENDING', 1, now() - interval '5 seconds', now() + interval '1 hour'
                    from event_outbox where tenant_id = $1 and id = $4""",
                    Tuple.of(tenant, deliveryId, UUID.fromString(hookId), strandedEvent)).await().indefinitely();

            // Two markers, each waited for: the second is claimed in a later round than the first, so at least one whole
            // round ran with the stranded delivery in the table.
            append(tenant, "test.marker", UUID.randomUUID(), Map.of("n", 1));
            TestReceiver.await("first marker", () -> receiver.succeeded().size() == 1);
            append(tenant, "test.marker", UUID.randomUUID(), Map.of("n", 2));
            TestReceiver.await("second marker", () -> receiver.succeeded().size() == 2);
            assertTrue(receiver.received.stream().noneMatch(r -> strandedEvent.toString().equals(r.header("X-ChannelHub-Event-Id"))),
                    "not sent while its lease runs");

            // The lease runs out (moved back in the database rather than waiting its 60 s).
            db.query("update webhook_delivery set next_attempt_at = now() - interval '1 second' where tenant_id = $1 and id = $2",
                    Tuple.of(tenant, deliveryId)).await().indefinitely();
            TestReceiver.await("the stranded delivery", () -> receiver.received.stream()
                    .anyMatch(r -> strandedEvent.toString().equals(r.header("X-ChannelHub-Event-Id"))));
            TestReceiver.await("logged as delivered", () -> "DELIVERED".equals(db.one("select status from webhook_delivery "
                    + "where tenant_id = $1 and id = $2", Tuple.of(tenant, deliveryId), r -> r.getString("status")).await().indefinitely()
                    .orElseThrow()));
            assertEquals(2, (int) db.one("select attempts from webhook_delivery where tenant_id = $1 and id = $2",
                    Tuple.of(tenant, deliveryId), r -> r.getInteger("attempts")).await().indefinitely().orElseThrow(),
                    "the dead sender's attempt and the one after the lease");
            assertEquals(3, receiver.received.size(), "two markers and the stranded delivery, once");
        }
    }
}
