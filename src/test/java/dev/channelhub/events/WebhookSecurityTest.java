package dev.channelhub.events;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook SSRF guard and secrets through the API. The test profile keeps the guard on and lets only loopback
 * through (for {@link TestReceiver}), so every other range is refused here as in production.
 */
@QuarkusTest
class WebhookSecurityTest {

    @Inject
    EventOutbox outbox;

    @Inject
    Db db;

    private static String hook(String url) {
        return new JsonObject().put("url", url).put("events", List.of("*")).encode();
    }

    @Test
    void registeringALiteralDisallowedAddressIsRefusedOnUrl() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        for (String url : List.of("http://100.100.100.200/latest/meta-data", "http://169.254.169.254/", "https://10.1.2.3/in",
                "http://[::ffff:100.100.100.200]/", "http://[::ffff:a9fe:a9fe]/", "http://[fd00::1]/", "http://0.0.0.0:8080/",
                "http://198.18.0.1/", "http://[64:ff9b::808:808]/", "http://2130706433/", "http://0x7f.1/")) {
            Api.as(admin).body(hook(url)).post("/api/v1/webhooks").then().statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("url"));
        }
        Api.as(admin).get("/api/v1/webhooks").then().body("items.size()", equalTo(0));
        String id = Api.as(admin).body(hook("https://hooks.example.com/in")).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");
        Api.as(admin).body("{\"url\":\"http://172.16.0.1/\"}").patch("/api/v1/webhooks/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        Api.as(admin).get("/api/v1/webhooks/" + id).then().body("url", equalTo("https://hooks.example.com/in"));
    }

    @Test
    void aHostNameResolvingToAForbiddenAddressIsNotContactedAndTheLogDoesNotNameTheAddress() {
        QuarkusMock.installMockForType(new HostResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                // A harmless-looking name whose DNS answer points inside (the metadata service, "this host"). Were the
                // guard broken, the attempt would go to 0.0.0.0, i.e. this machine, and nowhere else.
                return host.equals("metadata.example.test")
                        ? new InetAddress[]{InetAddress.getByName("0.0.0.0"), InetAddress.getByName("100.100.100.200")}
                        : super.resolve(host);
            }
        }, HostResolver.class);
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String hookId = Api.as(admin).body(hook("http://metadata.example.test/latest/meta-data")).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        append(tenant, "test.happened");
        TestReceiver.await("a failed attempt", () -> Api.as(admin).get("/api/v1/webhooks/" + hookId + "/deliveries")
                .then().extract().path("items[0].lastError") != null);
        String shown = Api.as(admin).get("/api/v1/webhooks/" + hookId + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("PENDING")).extract().path("items[0].lastError");
        assertTrue(shown.contains("address not allowed"), shown);
        String stored = db.query("select string_agg(coalesce(last_error, ''), ' ') from webhook_delivery where tenant_id = $1",
                Tuple.of(tenant)).await().indefinitely().iterator().next().getString(0);
        String disabled = db.query("select coalesce(disabled_reason, '') from webhook where tenant_id = $1", Tuple.of(tenant))
                .await().indefinitely().iterator().next().getString(0);
        for (String text : List.of(shown, stored, disabled)) {
            assertFalse(text.contains("100.100") || text.contains("0.0.0.0"), "the resolved address is not echoed: " + text);
        }
    }

    @Test
    void theSecretIsShownOnceNeverReplayedAndStoredEncrypted() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String key = "wh-" + UUID.randomUUID();
        String body = hook("https://hooks.example.com/in");
        var created = Api.as(admin).header("Idempotency-Key", key).body(body).post("/api/v1/webhooks").then().statusCode(201)
                .extract();
        String id = created.path("id");
        String secret = created.path("secret");
        assertNotNull(secret, "shown in the answer that created it");
        Api.as(admin).get("/api/v1/webhooks/" + id).then().statusCode(200).body("secret", nullValue());
        Api.as(admin).get("/api/v1/webhooks").then().body("items[0].secret", nullValue());
        Api.as(admin).header("Idempotency-Key", key).body(body).post("/api/v1/webhooks").then().statusCode(201)
                .body("id", equalTo(id)).body("secret", nullValue());

        String answer = db.query("select response::text from idempotency_key where tenant_id = $1 and key = $2", Tuple.of(tenant, key))
                .await().indefinitely().iterator().next().getString(0);
        assertTrue(answer.contains(id));
        assertFalse(answer.contains(secret) || answer.contains("secret"), "the stored answer has no secret: " + answer);

        String column = secretColumn(tenant, id);
        assertTrue(column.startsWith("v1:"), column);
        assertFalse(column.contains(secret) || column.contains(secret.substring("whsec_".length())), "encrypted at rest");

        // A client-chosen secret and a PATCHed one are encrypted too.
        String chosen = "my-own-secret-0123456789";
        String id2 = Api.as(admin).body(new JsonObject().put("url", "https://hooks.example.com/2").put("events", List.of("*"))
                .put("secret", chosen).encode()).post("/api/v1/webhooks").then().statusCode(201).body("secret", equalTo(chosen))
                .extract().path("id");
        assertFalse(secretColumn(tenant, id2).contains(chosen));
        String patched = "patched-secret-0123456789";
        Api.as(admin).body(new JsonObject().put("secret", patched).encode()).patch("/api/v1/webhooks/" + id2).then().statusCode(200)
                .body("secret", nullValue());
        assertFalse(secretColumn(tenant, id2).contains(patched));
    }

    @Test
    void encryptedAndLegacyPlaintextSecretsBothSignDeliveries() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            String tenant = Tokens.newTenant();
            String admin = Tokens.token(tenant, "admin");
            String secret = "encrypted-secret-0123456789";
            String id = Api.as(admin).body(new JsonObject().put("url", receiver.url()).put("events", List.of("test.*"))
                    .put("secret", secret).encode()).post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            append(tenant, "test.first");
            TestReceiver.await("first delivery", () -> receiver.succeeded().size() == 1);
            TestReceiver.Received first = receiver.received.get(0);
            assertTrue(WebhookSigner.verify(secret, first.header(WebhookSigner.TIMESTAMP_HEADER), first.body(),
                    first.header(WebhookSigner.SIGNATURE_HEADER)));

            // A row as V9_6 leaves one written before encryption: marked plaintext, still signs.
            String legacy = "legacy-plain-secret-0123";
            db.query("update webhook set secret = $3 where tenant_id = $1 and id = $2",
                    Tuple.of(tenant, UUID.fromString(id), "v0:" + legacy)).await().indefinitely();
            append(tenant, "test.second");
            TestReceiver.await("second delivery", () -> receiver.succeeded().size() == 2);
            TestReceiver.Received second = receiver.received.get(1);
            assertTrue(WebhookSigner.verify(legacy, second.header(WebhookSigner.TIMESTAMP_HEADER), second.body(),
                    second.header(WebhookSigner.SIGNATURE_HEADER)));

            // At start the application encrypts such rows; the secret stays the same.
            io.quarkus.arc.Arc.container().instance(WebhookSecretUpgrade.class).get().onStart(null);
            String column = secretColumn(tenant, id);
            assertTrue(column.startsWith("v1:") && !column.contains(legacy), column);
            append(tenant, "test.third");
            TestReceiver.await("third delivery", () -> receiver.succeeded().size() == 3);
            TestReceiver.Received third = receiver.received.get(2);
            assertTrue(WebhookSigner.verify(legacy, third.header(WebhookSigner.TIMESTAMP_HEADER), third.body(),
                    third.header(WebhookSigner.SIGNATURE_HEADER)));
        }
    }

    private String secretColumn(String tenant, String id) {
        Row row = db.query("select secret from webhook where tenant_id = $1 and id = $2", Tuple.of(tenant, UUID.fromString(id)))
                .await().indefinitely().iterator().next();
        return row.getString("secret");
    }

    private void append(String tenant, String type) {
        db.inTransaction(tx -> outbox.append(tx, tenant, "test", type, "test", UUID.randomUUID(), null, Map.of("n", 1)))
                .await().indefinitely();
    }

    @Test
    void sealedSecretsAreBoundToTheirWebhook() {
        WebhookSecrets secrets = io.quarkus.arc.Arc.container().instance(WebhookSecrets.class).get();
        UUID id = UUID.randomUUID();
        String sealed = secrets.seal("t1", id, "s3cret-value-0123456");
        assertEquals("s3cret-value-0123456", secrets.open("t1", id, sealed));
        assertFalse(sealed.equals(secrets.seal("t1", id, "s3cret-value-0123456")), "a fresh IV every time");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> secrets.open("t2", id, sealed));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> secrets.open("t1", UUID.randomUUID(), sealed));
    }
}
