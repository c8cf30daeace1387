package dev.channelhub.shared;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class IdempotencyTest {

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
        org.junit.jupiter.api.Assertions.assertNotEquals(idA, idB);
    }

    @Test
    void failedAttemptDoesNotBurnTheKey() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(admin).body(BODY).post("/api/v1/channels").then().statusCode(201);
        String dup = BODY.replace("ONLINE_STORE", "MARKETPLACE");
        Api.as(admin).header("Idempotency-Key", "k-3").body(dup).post("/api/v1/channels").then().statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        Api.as(admin).header("Idempotency-Key", "k-3").body(dup).post("/api/v1/channels").then().statusCode(409);
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
        String first = Api.graphql(admin, q).then().statusCode(200).extract().path("data.createChannel.id");
        String second = Api.graphql(admin, q).then().statusCode(200).extract().path("data.createChannel.id");
        assertEquals(first, second);
    }
}
