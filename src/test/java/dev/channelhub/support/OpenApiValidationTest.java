package dev.channelhub.support;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract check every REST call of the suite passes through is on, and fails what it should. */
@QuarkusTest
class OpenApiValidationTest {

    private final String admin = Tokens.token(Tokens.newTenant(), "admin");

    @Test
    void aCallOutsideTheDocumentFailsTheTest() {
        AssertionError e = assertThrows(AssertionError.class, () -> Api.as(admin).get("/api/v1/no-such-resource"));
        assertTrue(e.getMessage().contains("no operation GET /api/v1/no-such-resource"), e.getMessage());
        assertEquals(1, OpenApiValidation.drainViolations().size());
    }

    @Test
    void aRequestBodyOutsideItsSchemaFailsTheTest() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Api.as(admin).body(Map.of("code", "NO-NAME", "type", "ONLINE_STORE")).post("/api/v1/channels"));
        assertTrue(e.getMessage().contains("request: ") && e.getMessage().contains("name"), e.getMessage());
        assertEquals(1, OpenApiValidation.drainViolations().size());
    }

    @Test
    @InvalidRequests("checks that an annotated test may send a body without a required field")
    void anAnnotatedTestSendsInvalidRequestsAndItsAnswersAreStillChecked() {
        Api.as(admin).body(Map.of("code", "NO-NAME", "type", "ONLINE_STORE")).post("/api/v1/channels")
                .then().statusCode(400);
        assertTrue(OpenApiValidation.drainViolations().isEmpty());
    }

    @Test
    void documentedCallsPass() {
        String id = Api.as(admin).body(Map.of("code", "OK", "name", "Ok", "type", "ONLINE_STORE")).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
        Api.as(admin).get("/api/v1/channels/" + id).then().statusCode(200).header("ETag", "\"1\"");
        Api.as(admin).body(Map.of("tier", "GOLD")).patch("/api/v1/channels/" + id).then().statusCode(200);
        Api.as(admin).body("{\"tier\": null}").patch("/api/v1/channels/" + id).then().statusCode(200);
        assertTrue(OpenApiValidation.drainViolations().isEmpty());
    }
}
