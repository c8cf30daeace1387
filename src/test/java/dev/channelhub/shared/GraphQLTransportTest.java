package dev.channelhub.shared;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
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
        Api.graphql(admin, "{ nope }").then().statusCode(lessThan(500)).body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].message", containsString("nope")).body("data", nullValue());
        // A document that does not parse (unclosed selection set, a stray token, a missing value) is refused without a
        // 5xx and without running anything, with the same code and graphql-java's message and location
        // (shared/web/SyntaxErrorCodes: SmallRye answers these itself, before graphql-java).
        for (String broken : new String[]{"{ channels { edges ", "query { channels } }", "{ channels(first: ) { edges { node { id } } } }"}) {
            Api.graphql(admin, broken).then().statusCode(lessThan(500))
                    .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].extensions.classification", equalTo("InvalidSyntax"))
                    .body("errors[0].message", containsString("Invalid syntax"))
                    .body("errors[0].locations[0].line", equalTo(1))
                    .body("data", nullValue());
        }
        // over GET too, and an empty document
        RestAssured.given().header("Authorization", "Bearer " + admin).queryParam("query", "{ channels {").get("/graphql")
                .then().statusCode(lessThan(500)).body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"))
                .body("data", nullValue());
        Api.graphql(admin, "").then().statusCode(lessThan(500)).body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"))
                .body("data", nullValue());
    }

    /**
     * The complexity limit (5000, one per field) refuses a wide query before anything runs; a modest one still runs.
     * (The wide query stays under graphql-java's parser limit of 15000 tokens, so it is the complexity that refuses it.)
     */
    @Test
    void tooComplexQueriesAreRefusedWithACode() {
        Api.graphql(admin, wide(20)).then().statusCode(200).body("errors", nullValue())
                .body("data.c19.pageInfo.hasNextPage", equalTo(false));
        Api.graphql(admin, wide(260)).then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].message", containsString("complexity"))
                .body("data", nullValue());
    }

    /** {@code n} aliased copies of a 20-field selection (complexity 20n at depth 4). */
    private static String wide(int n) {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            q.append(" c").append(i).append(": channels(first: 1) { edges { cursor node { id code name type status region tier parentId ")
                    .append("creditLimit currency version createdAt updatedAt } } pageInfo { hasNextPage endCursor } }");
        }
        return q.append(" }").toString();
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
