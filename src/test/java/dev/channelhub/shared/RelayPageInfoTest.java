package dev.channelhub.shared;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relay connections: pageInfo is always there, with hasPreviousPage and startCursor as the spec has them. */
@QuarkusTest
class RelayPageInfoTest {

    private static final String PAGE = "query($after: String) { channels(first: 2, after: $after) { edges { cursor } "
            + "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    @Test
    void pageInfoNamesTheFirstAndLastCursorOfEachPage() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        for (int i = 0; i < 3; i++) {
            Api.as(admin).body(Map.of("code", "RELAY-" + i, "name", "Relay " + i, "type", "DIRECT")).post("/api/v1/channels")
                    .then().statusCode(201);
        }
        JsonPath first = Api.graphql(admin, PAGE).then().statusCode(200).body("errors", nullValue()).extract().jsonPath();
        List<String> cursors = first.getList("data.channels.edges.cursor");
        assertEquals(2, cursors.size());
        assertEquals(cursors.get(0), first.getString("data.channels.pageInfo.startCursor"));
        assertEquals(cursors.get(1), first.getString("data.channels.pageInfo.endCursor"));
        assertTrue(first.getBoolean("data.channels.pageInfo.hasNextPage"));
        assertFalse(first.getBoolean("data.channels.pageInfo.hasPreviousPage"));

        JsonPath second = Api.graphql(admin, PAGE, Map.of("after", cursors.get(1))).then().statusCode(200).extract().jsonPath();
        List<String> rest = second.getList("data.channels.edges.cursor");
        assertEquals(1, rest.size());
        assertEquals(rest.get(0), second.getString("data.channels.pageInfo.startCursor"));
        assertEquals(rest.get(0), second.getString("data.channels.pageInfo.endCursor"));
        assertFalse(second.getBoolean("data.channels.pageInfo.hasNextPage"));
    }

    @Test
    void anEmptyConnectionStillHasPageInfo() {
        Api.graphql(Tokens.token(Tokens.newTenant(), "admin"), PAGE).then().statusCode(200)
                .body("data.channels.edges.size()", equalTo(0))
                .body("data.channels.pageInfo.hasNextPage", equalTo(false))
                .body("data.channels.pageInfo.hasPreviousPage", equalTo(false))
                .body("data.channels.pageInfo.startCursor", nullValue())
                .body("data.channels.pageInfo.endCursor", nullValue());
    }

    @Test
    void everyConnectionDeclaresANonNullPageInfo() {
        String sdl = RestAssured.given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        var schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
        List<String> nullable = new ArrayList<>();
        int connections = 0;
        for (var type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && object.getName().endsWith("Connection")) {
                connections++;
                var pageInfo = object.getFieldDefinition("pageInfo");
                if (pageInfo == null || !(pageInfo.getType() instanceof GraphQLNonNull)) {
                    nullable.add(object.getName());
                }
            }
        }
        assertTrue(connections > 10, "connections found in the schema: " + connections);
        assertTrue(nullable.isEmpty(), "connections whose pageInfo is missing or nullable: " + nullable);
        GraphQLObjectType pageInfo = (GraphQLObjectType) schema.getType("PageInfo");
        assertNotNull(pageInfo);
        for (String field : List.of("hasNextPage", "hasPreviousPage")) {
            assertTrue(pageInfo.getFieldDefinition(field).getType() instanceof GraphQLNonNull, field + " is non-null");
        }
        assertNotNull(pageInfo.getFieldDefinition("startCursor"));
        assertNotNull(pageInfo.getFieldDefinition("endCursor"));
    }
}
