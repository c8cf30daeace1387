package dev.channelhub.shared;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class IdempotencyTest {

    @Inject
    Db db;

    private static final String BODY = "{\"code\":\"ONLINE\",\"name\":\"Online store\",\"type\":\"ONLINE_STORE\"}";

    @Test
    void sameKeyTwiceCreatesOnce() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String first = Api.as(admin).header("Idempotency-Key", "k-1").body(BODY).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
        String second = Api.as(admin).header("Idempotency-Key", "k-1").body(BODY).post("/api/v1/channels")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, second);
        Api.as(admin).get("/api/v1/channels").then().body("items.size()", equalTo(1));
    }

    @Test
    void sameKeyDifferentBodyIs422() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(admin).header("Idempotency-Key", "k-2").body(BODY).post("/api/v1/channels").then().statusCode(201);
        Api.as(admin).header("Idempotency-Key", "k-2").body(BODY.replace("Online store", "Other"))
                .post("/api/v1/channels").then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        Api.as(admin).get("/api/v1/channels").then().body("items.size()", equalTo(1));
    }

    @Test
    void keysArePerTenant() {
        String a = Tokens.token(Tokens.newTenant(), "admin");
        String b = Tokens.token(Tokens.newTenant(), "admin");
        String idA = Api.as(a).header("Idempotency-Key", "shared").body(BODY).post("/api/v1/channels").then().statusCode(201).extract().path("id");
        String idB = Api.as(b).header("Idempotency-Key", "shared").body(BODY).post("/api/v1/channels").then().statusCode(201).extract().path("id");
        assertNotEquals(idA, idB);
    }

    @Test
    void failedAttemptDoesNotBurnTheKey() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String taken = Api.as(admin).body(BODY).post("/api/v1/channels").then().statusCode(201).extract().path("id");
        String dup = BODY.replace("ONLINE_STORE", "MARKETPLACE");
        Api.as(admin).header("Idempotency-Key", "k-3").body(dup).post("/api/v1/channels").then().statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        // The cause goes away; the retry with the same key and body must run, not replay the stored failure.
        Api.as(admin).body("{\"code\":\"MOVED\"}").patch("/api/v1/channels/" + taken).then().statusCode(200);
        String created = Api.as(admin).header("Idempotency-Key", "k-3").body(dup).post("/api/v1/channels").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).body("type", equalTo("MARKETPLACE")).extract().path("id");
        Api.as(admin).header("Idempotency-Key", "k-3").body(dup).post("/api/v1/channels").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(created));
        Api.as(admin).get("/api/v1/channels").then().body("items.size()", equalTo(2));
    }

    @Test
    void keyLengthIsLimited() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(admin).header("Idempotency-Key", "k".repeat(256)).body(BODY).post("/api/v1/channels").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("Idempotency-Key"));
        Api.as(admin).get("/api/v1/channels").then().body("items.size()", equalTo(0));
        Api.as(admin).header("Idempotency-Key", "k".repeat(255)).body(BODY).post("/api/v1/channels").then().statusCode(201);
    }

    @Test
    void theSameKeyOnAnotherEndpointIsReuse() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String a = Api.as(admin).header("Idempotency-Key", "k-4").body(BODY).post("/api/v1/channels").then().statusCode(201)
                .extract().path("id");
        Api.as(admin).header("Idempotency-Key", "k-4").body("{\"sku\":\"S-1\",\"name\":\"Tea\"}").post("/api/v1/products")
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        Api.as(admin).get("/api/v1/products/S-1").then().statusCode(404);
        // The very same body on another channel's ratings is another endpoint too: only the path tells them apart.
        String b = Api.as(admin).body(BODY.replace("\"code\":\"ONLINE\"", "\"code\":\"OTHER\"")).post("/api/v1/channels").then().statusCode(201).extract().path("id");
        String rating = "{\"period\":\"2026-Q4\",\"score\":90,\"tier\":\"GOLD\"}";
        Api.as(admin).header("Idempotency-Key", "k-rate").body(rating).post("/api/v1/channels/" + a + "/ratings").then().statusCode(201);
        Api.as(admin).header("Idempotency-Key", "k-rate").body(rating).post("/api/v1/channels/" + b + "/ratings").then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        Api.as(admin).get("/api/v1/channels/" + b + "/ratings").then().body("items.size()", equalTo(0));
    }

    @Test
    void keysExpireAfter24Hours() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String first = Api.as(admin).header("Idempotency-Key", "k-5").body(BODY).post("/api/v1/channels").then().statusCode(201)
                .extract().path("id");
        age(tenant, "k-5", "23 hours");
        Api.as(admin).header("Idempotency-Key", "k-5").body(BODY).post("/api/v1/channels").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        age(tenant, "k-5", "24 hours 1 minute");
        // Expired: the key is free again, for any body (within 24 h another body would be IDEMPOTENCY_KEY_REUSED).
        String other = BODY.replace("\"code\":\"ONLINE\"", "\"code\":\"SECOND\"");
        Api.as(admin).header("Idempotency-Key", "k-5").body(other).post("/api/v1/channels").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).body("code", equalTo("SECOND"));
        Api.as(admin).get("/api/v1/channels").then().body("items.size()", equalTo(2));
    }

    @Test
    void aKeyLeftPendingByADeadAttemptIsTakenOver() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String first = Api.as(admin).header("Idempotency-Key", "k-6").body(BODY).post("/api/v1/channels").then().statusCode(201)
                .extract().path("id");
        Api.as(admin).body("{\"code\":\"MOVED\"}").patch("/api/v1/channels/" + first).then().statusCode(200);
        // As if the process died mid-request a minute ago: the key is PENDING (same request hash) and nobody finishes it.
        pending(tenant, "k-6", "61 seconds");
        String second = Api.as(admin).header("Idempotency-Key", "k-6").body(BODY).post("/api/v1/channels").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(first, second);
        Api.as(admin).header("Idempotency-Key", "k-6").body(BODY).post("/api/v1/channels").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(second));
    }

    @Test
    void aKeyStillRunningElsewhereAnswers503AfterTheWait() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String first = Api.as(admin).header("Idempotency-Key", "k-7").body(BODY).post("/api/v1/channels").then().statusCode(201)
                .extract().path("id");
        Api.as(admin).body("{\"code\":\"MOVED\"}").patch("/api/v1/channels/" + first).then().statusCode(200);
        // A twin that started just now and never finishes: the service waits for it (about 15 s), then gives up.
        pending(tenant, "k-7", "0 seconds");
        // The wait is 750 rounds of a 20 ms timer and a lookup; on a loaded machine that outlasts the test client's
        // default 30 s read timeout, so this one request may take up to two minutes.
        Api.as(admin).config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 120_000).setParam("http.connection.timeout", 120_000)))
                .header("Idempotency-Key", "k-7").body(BODY).post("/api/v1/channels").then().statusCode(503)
                .body("code", equalTo("SERVICE_UNAVAILABLE"));
        Api.as(admin).get("/api/v1/channels").then().body("items.size()", equalTo(1));
    }

    /** Moves the key's creation back by {@code interval} (a PostgreSQL interval), as if that much time had passed. */
    private void age(String tenant, String key, String interval) {
        db.query("update idempotency_key set created_at = now() - $3::text::interval where tenant_id = $1 and key = $2",
                Tuple.of(tenant, key, interval)).await().indefinitely();
    }

    /** Turns a finished key back into an unfinished one, begun {@code interval} ago. */
    private void pending(String tenant, String key, String interval) {
        db.query("update idempotency_key set state = 'PENDING', status = null, response = null, created_at = now() - $3::text::interval "
                + "where tenant_id = $1 and key = $2", Tuple.of(tenant, key, interval)).await().indefinitely();
    }

    @Test
    void concurrentSameKeyExecutesOnce() throws Exception {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> Api.as(admin).header("Idempotency-Key", "race").body(BODY).post("/api/v1/channels")
                        .then().statusCode(201).extract().path("id"));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        Api.as(admin).get("/api/v1/channels").then().body("items.size()", equalTo(1));
    }

    @Test
    void graphqlIdempotencyKeyReplays() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String q = "mutation { createChannel(input: {code: \"G1\", name: \"G\", type: DIRECT}, idempotencyKey: \"gk\") { id } }";
        String first = Api.graphql(admin, q).then().statusCode(200).body("errors", nullValue()).extract().path("data.createChannel.id");
        String second = Api.graphql(admin, q).then().statusCode(200).body("errors", nullValue()).extract().path("data.createChannel.id");
        assertNotNull(first);
        assertEquals(first, second);
        Api.as(admin).get("/api/v1/channels").then().body("items.size()", equalTo(1));
    }
}
