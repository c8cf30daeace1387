package dev.channelhub.shared.web;

import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request ids (issue 21): a safe X-Request-Id is kept, anything else replaced by a generated one; the id comes back in
 * the X-Request-Id header of every answer, in problem+json ({@code requestId}), in GraphQL errors
 * ({@code extensions.requestId}) and in the log MDC; the access log has one line per request without the token.
 */
@QuarkusTest
class RequestIdTest {

    private final String tenant = Tokens.newTenant();
    private final String admin = Tokens.token(tenant, "admin");

    @Test
    void aSafeIdIsKeptAndEchoed() {
        Response r = Api.as(admin).header("X-Request-Id", "client-42.a:b_c").get("/api/v1/channels");
        r.then().statusCode(200);
        assertEquals("client-42.a:b_c", r.header("X-Request-Id"));
    }

    @Test
    void anAbsentOrUnsafeIdIsReplacedByAGeneratedOne() {
        String generated = Api.as(admin).get("/api/v1/channels").then().statusCode(200).extract().header("X-Request-Id");
        UUID.fromString(generated);
        String other = Api.as(admin).get("/api/v1/channels").then().statusCode(200).extract().header("X-Request-Id");
        assertNotEquals(generated, other, "each request gets its own id");
        for (String unsafe : List.of("a b", "x".repeat(65), "<script>", "id\"quoted", "")) {
            String answered = Api.as(admin).header("X-Request-Id", unsafe).get("/api/v1/channels").then().statusCode(200)
                    .extract().header("X-Request-Id");
            assertNotEquals(unsafe, answered);
            UUID.fromString(answered);
        }
        // Answers outside /api carry it too.
        UUID.fromString(RestAssured.given().get("/q/health/live").then().extract().header("X-Request-Id"));
    }

    @Test
    void problemsCarryTheRequestId() {
        Api.as(admin).header("X-Request-Id", "req-404").get("/api/v1/channels/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .header("X-Request-Id", "req-404").body("requestId", equalTo("req-404"));
        // Answered before any resource runs: no token, a bad token, a role-less token.
        Api.as(null).header("X-Request-Id", "req-401").get("/api/v1/channels")
                .then().statusCode(401).header("X-Request-Id", "req-401").body("requestId", equalTo("req-401"));
        Api.as("not.a.token").header("X-Request-Id", "req-bad").get("/api/v1/channels")
                .then().statusCode(401).header("X-Request-Id", "req-bad").body("requestId", equalTo("req-bad"));
        Api.as(Tokens.token(tenant, "nobody")).header("X-Request-Id", "req-403").get("/api/v1/channels")
                .then().statusCode(403).header("X-Request-Id", "req-403").body("requestId", equalTo("req-403"));
    }

    @Test
    @InvalidRequests("an invalid GraphQL input, to get a coded error")
    void graphqlErrorsCarryTheRequestId() {
        RestAssured.given().contentType("application/json").header("Authorization", "Bearer " + admin)
                .header("X-Request-Id", "gql-1")
                .body("{\"query\":\"mutation { createChannel(input: {code: \\\"\\\", name: \\\"A\\\", type: DIRECT}) { id } }\"}")
                .post("/graphql").then().statusCode(200).header("X-Request-Id", "gql-1")
                .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].extensions.requestId", equalTo("gql-1"));
        RestAssured.given().contentType("application/json").header("Authorization", "Bearer " + admin)
                .header("X-Request-Id", "gql-2").body("{\"query\":\"{ nope }\"}")
                .post("/graphql").then().body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].extensions.requestId", equalTo("gql-2"));
        RestAssured.given().contentType("application/json").header("X-Request-Id", "gql-3").body("{\"query\":\"{ __typename }\"}")
                .post("/graphql").then().statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].extensions.requestId", equalTo("gql-3"));
    }

    @Test
    void theAccessLogHasOneLinePerRequestWithTheIdInItsMdcAndNoToken() {
        Logger access = Logger.getLogger("channelhub.access");
        Level before = access.getLevel();
        List<LogRecord> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc(); // the MDC is read where the record is made; keep it for the assertions
                }
                lines.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        access.setLevel(Level.INFO);
        access.addHandler(capture);
        try {
            String id = "log-" + UUID.randomUUID();
            String path = "/api/v1/channels/" + UUID.randomUUID();
            Api.as(admin).header("X-Request-Id", id).get(path + "?token=" + admin).then().statusCode(404);
            LogRecord line = awaitLine(lines, id);
            String text = line instanceof ExtLogRecord ext ? ext.getFormattedMessage() : line.getMessage();
            assertTrue(text.startsWith("GET " + path + " 404 "), text);
            assertTrue(text.contains("requestId=" + id), text);
            assertTrue(text.contains("tenant=" + tenant), text);
            assertFalse(text.contains(admin), "the token must never be logged: " + text);
            assertFalse(text.contains("?"), "no query string: " + text);
            assertEquals(id, ((ExtLogRecord) line).getMdc(RequestIds.MDC_KEY), "the MDC of the request's log lines");
        } finally {
            access.removeHandler(capture);
            access.setLevel(before);
        }
    }

    private static LogRecord awaitLine(List<LogRecord> lines, String id) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (LogRecord r : lines) {
                String text = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
                if (text != null && text.contains(id)) {
                    return r;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no access log line for " + id + " in " + lines.size() + " lines");
    }
}
