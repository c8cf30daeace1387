package dev.channelhub.shared;

import dev.channelhub.support.Api;
import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class ErrorsTest {

    private String admin;

    @BeforeEach
    void tenant() {
        admin = Tokens.token(Tokens.newTenant(), "admin");
    }

    private void nothingWritten() {
        Api.as(admin).get("/api/v1/channels").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    @InvalidRequests("sends a body that is not JSON")
    void malformedJsonIs400() {
        Api.as(admin).body("{\"code\": \"A\", ").post("/api/v1/channels").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body(not(containsString("Exception")));
        nothingWritten();
    }

    @Test
    @InvalidRequests("sends fields of the wrong type")
    void wrongFieldTypeNamesTheField() {
        Api.as(admin).body("{\"code\":\"A\",\"name\":\"A\",\"type\":\"DIRECT\",\"creditLimit\":\"lots\"}")
                .post("/api/v1/channels").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("creditLimit"));
        Api.as(admin).body("{\"code\":\"A\",\"name\":[1,2],\"type\":\"DIRECT\"}")
                .post("/api/v1/channels").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        nothingWritten();
    }

    @Test
    @InvalidRequests("sends an enum value the document does not list")
    void unknownEnumValueIs400() {
        Api.as(admin).body("{\"code\":\"A\",\"name\":\"A\",\"type\":\"SPACESHIP\"}")
                .post("/api/v1/channels").then().statusCode(400)
                .body("errors.field", hasItem("type"))
                .body(not(containsString("dev.channelhub")));
        nothingWritten();
    }

    @Test
    @InvalidRequests("leaves out required fields and sends an empty body")
    void missingFieldsAreEachNamed() {
        Api.as(admin).body("{\"type\":\"DIRECT\",\"currency\":\"TOOLONG\"}").post("/api/v1/channels").then().statusCode(400)
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("currency"));
        Api.as(admin).body("").post("/api/v1/channels").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        nothingWritten();
    }

    @Test
    void invalidCurrencyAndParentAre400() {
        Api.as(admin).body("{\"code\":\"A\",\"name\":\"A\",\"type\":\"DIRECT\",\"currency\":\"XYZ\"}")
                .post("/api/v1/channels").then().statusCode(400).body("errors.field", hasItem("currency"));
        Api.as(admin).body("{\"code\":\"A\",\"name\":\"A\",\"type\":\"AGENT\",\"parentId\":\"nope\"}")
                .post("/api/v1/channels").then().statusCode(400).body("errors.field", hasItem("parentId"));
        Api.as(admin).body("{\"code\":\"A\",\"name\":\"A\",\"type\":\"AGENT\",\"parentId\":\"" + java.util.UUID.randomUUID() + "\"}")
                .post("/api/v1/channels").then().statusCode(400).body("errors.field", hasItem("parentId"));
        nothingWritten();
    }

    @Test
    void badIdsAndPagingParameters() {
        Api.as(admin).get("/api/v1/channels/not-a-uuid").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(admin).get("/api/v1/channels?limit=501").then().statusCode(400).body("errors.field", hasItem("limit"));
        Api.as(admin).get("/api/v1/channels?limit=0").then().statusCode(400);
        Api.as(admin).get("/api/v1/channels?limit=abc").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Api.as(admin).get("/api/v1/channels?cursor=%%%").then().statusCode(400).body("errors.field", hasItem("cursor"));
        Api.as(admin).get("/api/v1/channels?type=NOPE").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    @InvalidRequests("calls a path and a method the API does not have")
    void unknownPathAndMethodAreProblems() {
        Api.as(admin).get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        Api.as(admin).delete("/api/v1/channels").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void graphqlValidationCarriesCode() {
        Api.graphql(admin, "mutation { createChannel(input: {code: \"\", name: \"A\", type: DIRECT}) { id } }")
                .then().statusCode(200).body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
        Api.graphql(admin, "{ channels(first: 9999) { edges { node { id } } } }")
                .then().body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
        nothingWritten();
    }
}
