package dev.channelhub.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;

/** REST and GraphQL calls with a bearer token. The annotation makes the embedded database global to the suite. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        RequestSpecification spec = RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    public static Response graphql(String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        return as(token).body(body).post("/graphql");
    }

    public static Response graphql(String token, String query) {
        return graphql(token, query, null);
    }
}
