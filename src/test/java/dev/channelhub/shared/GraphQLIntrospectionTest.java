package dev.channelhub.shared;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Tools' introspection (graphql-js getIntrospectionQuery(), as GraphiQL, graphql-codegen and Apollo send it) is
 * answered, while the depth limit keeps refusing deep data queries (shared/web/IntrospectionLimits).
 */
@QuarkusTest
class GraphQLIntrospectionTest {

    private final String admin = Tokens.token(Tokens.newTenant(), "admin");

    @Test
    void theStandardIntrospectionQueryIsAnswered() throws IOException {
        Api.graphql(admin, resource("/graphql/introspection-query.graphql")).then().statusCode(200)
                .body("errors", nullValue())
                .body("data.__schema.queryType.name", equalTo("Query"))
                .body("data.__schema.mutationType.name", equalTo("Mutation"))
                .body("data.__schema.types.size()", greaterThan(50))
                .body("data.__schema.types.name", hasItem("Channel"))
                .body("data.__schema.directives.size()", greaterThan(0));
    }

    /** graphql-js 16 getIntrospectionQuery with every option on (descriptions, specifiedByURL, isRepeatable, schema description, input value deprecation). */
    @Test
    void theFullIntrospectionQueryIsAnswered() throws IOException {
        Api.graphql(admin, resource("/graphql/introspection-query-full.graphql")).then().statusCode(200)
                .body("errors", nullValue())
                .body("data.__schema.queryType.name", equalTo("Query"))
                .body("data.__schema.types.find { it.name == 'DateTime' }.specifiedByURL", notNullValue())
                .body("data.__schema.types.find { it.name == 'BigDecimal' }.description", containsString("string"))
                .body("data.__schema.types.find { it.name == 'Node' }.kind", equalTo("INTERFACE"))
                .body("data.__schema.directives.isRepeatable", hasItem(false))
                .body("data.__schema.directives.find { it.name == 'deprecated' }.args.name", hasItem("reason"))
                .body("data.__schema.types.find { it.name == 'Query' }.fields.find { it.name == 'node' }.args[0].isDeprecated", equalTo(false));
    }

    /**
     * What GraphiQL at /q/graphql-ui sends to load the schema: the text its bundled graphql-js builds
     * (graphiql-introspection-query.graphql, taken from the served graphiql.min.js) with operationName IntrospectionQuery,
     * to the endpoint its render.js names. With a token it gets the schema; without one 401.
     */
    @Test
    void graphiqlsIntrospectionRequestLoadsTheSchema() throws IOException {
        RestAssured.given().get("/q/graphql-ui/render.js").then().statusCode(200).body(containsString("const api = '/graphql'"));
        RestAssured.given().get("/q/graphql-ui/graphiql.min.js").then().statusCode(200)
                .body(containsString("inputValueDeprecation: e.inputValueDeprecation"));
        Map<String, Object> request = Map.of("query", resource("/graphql/graphiql-introspection-query.graphql"),
                "operationName", "IntrospectionQuery");
        RestAssured.given().header("Authorization", "Bearer " + admin).contentType("application/json")
                .accept("application/json, multipart/mixed").body(request).post("/graphql")
                .then().statusCode(200).body("errors", nullValue())
                .body("data.__schema.types.name", hasItem("Order"))
                .body("data.__schema.types.find { it.name == 'Node' }.description", notNullValue());
        RestAssured.given().contentType("application/json").body(request).post("/graphql")
                .then().statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void deepDataQueriesAreStillRefusedWithACode() {
        String deep = "{ channels { edges { node { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }";
        Api.graphql(admin, deep).then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].message", containsString("depth"));
    }

    @Test
    void introspectionBesideDataDoesNotExemptTheData() {
        String mixed = "{ __schema { queryType { name } } channels { edges { node { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }";
        Api.graphql(admin, mixed).then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].message", containsString("depth"));
    }

    @Test
    void cyclicIntrospectionIsStillRefused() {
        // __Type.fields twice on one path: graphql-java's good-faith introspection check, which the exemption relies on
        String cyclic = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }";
        Api.graphql(admin, cyclic).then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].message", notNullValue())
                .body("errors[0].extensions.code", notNullValue());
    }

    @Test
    void graphiqlIsServed() {
        RestAssured.given().get("/q/graphql-ui/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html"));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = GraphQLIntrospectionTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
