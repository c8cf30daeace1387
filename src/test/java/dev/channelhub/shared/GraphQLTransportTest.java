package dev.channelhub.shared;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** GraphQL over HTTP: media types, GET queries, coded errors for bad documents, depth and complexity limits. */
@QuarkusTest
class GraphQLTransportTest {

    private final String admin = Tokens.token(Tokens.newTenant(), "admin");

    @Test
    void answersGraphqlResponseJsonWhenAsked() {
        RestAssured.given().header("Authorization", "Bearer " + admin)
                .contentType("application/json").accept("application/graphql-response+json")
                .body(Map.of("query", "{ channels { edges { node { id } } } }")).post("/graphql")
                .then().statusCode(200).contentType(containsString("application/graphql-response+json"))
                .body("data.channels.edges.size()", equalTo(0));
    }

    @Test
    void getQueriesWork() {
        RestAssured.given().header("Authorization", "Bearer " + admin)
                .queryParam("query", "{ channels { pageInfo { hasNextPage } } }").get("/graphql")
                .then().statusCode(200).body("data.channels.pageInfo.hasNextPage", equalTo(false));
    }

    @Test
    void unknownFieldAndSyntaxErrorsAreCoded() {
        Api.graphql(admin, "{ nope }").then().body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void tooDeepQueriesAreRefusedWithACode() {
        String deep = "{ channels { edges { node { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }";
        Api.graphql(admin, deep).then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].message", containsString("depth"));
    }

    @Test
    void introspectionStaysAvailable() {
        Api.graphql(admin, "{ __schema { queryType { name } } }").then().body("data.__schema.queryType.name", equalTo("Query"));
    }
}
