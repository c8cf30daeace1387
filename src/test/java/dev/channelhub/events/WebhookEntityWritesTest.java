package dev.channelhub.events;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook subscriptions are written as {@link WebhookEntity} changes (Hibernate Reactive): what the SQL writes did
 * before still holds, column by column: every patch is a new version, a user's disabling keeps the dispatcher's
 * reason, a rotated secret is stored sealed for its webhook, and the fan-out cursor starts at "now" and is never
 * moved by a patch.
 */
@QuarkusTest
class WebhookEntityWritesTest {

    @Inject
    Db db;

    @Inject
    WebhookSecrets secrets;

    private static String createHook(String token) {
        return Api.as(token).body("{\"url\":\"https://example.com/in\",\"events\":[\"order.*\"]}").post("/api/v1/webhooks")
                .then().statusCode(201).body("version", equalTo(1)).extract().path("id");
    }

    @Test
    void everyAcceptedPatchIsANewVersionEvenAnEmptyOne() {
        String tenant = Tokens.newTenant();
        String token = Tokens.token(tenant, "integration");
        String id = createHook(token);
        String created = Api.as(token).get("/api/v1/webhooks/" + id).then().extract().path("updatedAt");
        Api.as(token).header("If-Match", "\"1\"").body("{}").patch("/api/v1/webhooks/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("version", equalTo(2)).body("events[0]", equalTo("order.*"));
        String updated = Api.as(token).get("/api/v1/webhooks/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .extract().path("updatedAt");
        assertTrue(Instant.parse(updated).isAfter(Instant.parse(created)), "updatedAt moves with the version");
        Api.as(token).header("If-Match", "\"1\"").body("{}").patch("/api/v1/webhooks/" + id).then().statusCode(412)
                .body("code", equalTo("VERSION_CONFLICT"));
    }

    @Test
    void aUserDisablingKeepsAnEarlierReasonAndReenablingClearsIt() {
        String tenant = Tokens.newTenant();
        String token = Tokens.token(tenant, "integration");
        String id = createHook(token);
        Api.as(token).body("{\"status\":\"DISABLED\"}").patch("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("status", equalTo("DISABLED")).body("disabledReason", equalTo("disabled by a user"));
        // The dispatcher disabled it for failures (its own SQL): a later patch that keeps it disabled keeps that reason.
        db.query("update webhook set disabled_reason = 'disabled after 4 consecutive failed deliveries', consecutive_failures = 4 "
                + "where tenant_id = $1 and id = $2", Tuple.of(tenant, UUID.fromString(id))).await().indefinitely();
        Api.as(token).body("{\"url\":\"https://example.com/other\"}").patch("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("status", equalTo("DISABLED")).body("url", equalTo("https://example.com/other"))
                .body("disabledReason", equalTo("disabled after 4 consecutive failed deliveries")).body("consecutiveFailures", equalTo(4));
        Api.as(token).body("{\"status\":\"ACTIVE\"}").patch("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("disabledReason", nullValue()).body("consecutiveFailures", equalTo(0))
                .body("version", equalTo(4));
    }

    @Test
    void aRotatedSecretIsStoredSealedForItsWebhookAndThePatchLeavesTheCursorAlone() {
        String tenant = Tokens.newTenant();
        String token = Tokens.token(tenant, "integration");
        String id = createHook(token);
        UUID uuid = UUID.fromString(id);
        Row before = row(tenant, uuid);
        assertEquals(Long.MAX_VALUE, before.getLong("cursor_seq"), "a new webhook's cursor starts at now");
        long currentTx = db.one("select pg_current_xact_id()::text::bigint as tx", Tuple.tuple(), r -> r.getLong("tx"))
                .await().indefinitely().orElseThrow();
        assertTrue(before.getLong("cursor_tx") < currentTx, "below every transaction that can still write an event");
        // The dispatcher's fan-out moves the cursor in SQL; a patch must not write it back.
        db.query("update webhook set cursor_tx = 42, cursor_seq = 4242 where tenant_id = $1 and id = $2", Tuple.of(tenant, uuid))
                .await().indefinitely();

        Api.as(token).body("{\"secret\":\"rotated-secret-0123456789\"}").patch("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("secret", nullValue()).body("version", equalTo(2));
        Row after = row(tenant, uuid);
        assertTrue(after.getString("secret").startsWith("v1:"), "sealed");
        assertNotEquals(before.getString("secret"), after.getString("secret"));
        assertEquals("rotated-secret-0123456789", secrets.open(tenant, uuid, after.getString("secret")));
        assertEquals(42L, after.getLong("cursor_tx"));
        assertEquals(4242L, after.getLong("cursor_seq"));
    }

    @Test
    void aDeletedWebhookIsGoneAndASecondDeleteIsNotFound() {
        String tenant = Tokens.newTenant();
        String token = Tokens.token(tenant, "integration");
        String id = createHook(token);
        Api.as(Tokens.token(Tokens.newTenant(), "integration")).delete("/api/v1/webhooks/" + id).then().statusCode(404);
        Api.as(token).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        Api.as(token).get("/api/v1/webhooks/" + id).then().statusCode(404);
        Api.as(token).delete("/api/v1/webhooks/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    /** Hibernate's statements count into the same counter: the entity writes cost no more than the SQL they replace. */
    @Test
    void aCreateAndAPatchCostNoMoreStatementsThanBefore() {
        String tenant = Tokens.newTenant();
        String token = Tokens.token(tenant, "integration");
        Api.as(token).get("/api/v1/webhooks").then().statusCode(200); // warm: whatever a tenant's first request loads
        long before = SqlCounter.current();
        String id = Api.as(token).header("Idempotency-Key", "count-" + UUID.randomUUID())
                .body("{\"url\":\"https://example.com/in\",\"events\":[\"order.*\"]}").post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        long create = SqlCounter.current() - before;
        before = SqlCounter.current();
        Api.as(token).body("{\"events\":[\"channel.*\"]}").patch("/api/v1/webhooks/" + id).then().statusCode(200);
        long patch = SqlCounter.current() - before;
        assertEquals(4, create, "the key's claim, the cursor, the insert, the answer (the SQL version: claim, insert, re-read, answer)");
        assertEquals(2, patch, "the locked read and the update (the SQL version: lock, update, re-read)");
    }

    private Row row(String tenant, UUID id) {
        return db.one("select secret, cursor_tx, cursor_seq from webhook where tenant_id = $1 and id = $2", Tuple.of(tenant, id), r -> r)
                .await().indefinitely().orElseThrow();
    }
}
