package dev.channelhub.shared;

import dev.channelhub.shared.web.Descriptions;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The texts of contract/descriptions reach what clients read at run time: GraphQL introspection (types, fields,
 * arguments, input fields, enum values) and the served OpenAPI document (schemas, properties, parameters), and the
 * schema transform that puts them on GraphQL keeps the data fetchers working (a query still answers).
 */
@QuarkusTest
class DescriptionsServedTest {

    private final Map<String, String> texts = Descriptions.load().texts();

    @Test
    void introspectionCarriesTheTexts() {
        String token = Tokens.token(Tokens.newTenant(), "admin");
        // graphql-java's good-faith introspection check allows one __type (and one __Type.fields) per operation
        JsonPath channel = type(token, "Channel", "description fields { name description }");
        JsonPath status = type(token, "OrderStatus", "enumValues { name description }");
        JsonPath input = type(token, "PlaceOrderInput", "description inputFields { name description }");
        JsonPath query = type(token, "Query", "fields { name description args { name description } }");
        assertEquals(texts.get("Channel"), channel.getString("data.t.description"));
        assertEquals(texts.get("Channel.creditLimit"), channel.getString("data.t.fields.find { it.name == 'creditLimit' }.description"));
        assertEquals(texts.get("OrderStatus.SHIPPED"), status.getString("data.t.enumValues.find { it.name == 'SHIPPED' }.description"));
        assertEquals(texts.get("PlaceOrderInput.holdId"), input.getString("data.t.inputFields.find { it.name == 'holdId' }.description"));
        assertEquals(texts.get("Query.channels"), query.getString("data.t.fields.find { it.name == 'channels' }.description"));
        List<Map<String, String>> args = query.getList("data.t.fields.find { it.name == 'channels' }.args");
        assertEquals(texts.get("*.first"), args.stream().filter(a -> a.get("name").equals("first")).findFirst().orElseThrow().get("description"));
    }

    private static JsonPath type(String token, String name, String selection) {
        return Api.graphql(token, "{ t: __type(name: \"" + name + "\") { " + selection + " } }").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void theSchemaTransformKeepsTheFetchers() {
        String token = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(token).body(Map.of("code", "DESC-1", "name", "Described", "type", "DIRECT")).post("/api/v1/channels").then().statusCode(201);
        JsonPath json = Api.graphql(token, "{ channels(first: 5) { edges { node { code name type status } } } }")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("Described", json.getString("data.channels.edges[0].node.name"));
        assertEquals("ACTIVE", json.getString("data.channels.edges[0].node.status"));
    }

    @Test
    void servedOpenApiCarriesTheTexts() {
        JsonPath json = RestAssured.given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(texts.get("Channel"), json.getString("components.schemas.ChannelView.description"));
        assertEquals(texts.get("Channel.creditLimit"), json.getString("components.schemas.ChannelView.properties.creditLimit.description"));
        assertEquals(texts.get("PlaceOrderInput.holdId"), json.getString("components.schemas.PlaceOrderRequest.properties.holdId.description"));
        assertEquals(texts.get("Problem.code"), json.getString("components.schemas.Problem.properties.code.description"));
        assertEquals(texts.get("*.Idempotency-Key"), json.getString(
                "paths.'/api/v1/orders'.post.parameters.find { it.name == 'Idempotency-Key' }.description"));
    }
}
