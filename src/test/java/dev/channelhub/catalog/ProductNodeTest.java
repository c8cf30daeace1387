package dev.channelhub.catalog;

import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Product is a Relay Node: node(id) / nodes(ids) answer what product(sku) answers for the same caller (partners without
 * the floor), another tenant's id is null with NOT_FOUND, and nodes reads all of a call's products in one statement.
 */
@QuarkusTest
class ProductNodeTest {

    private static final String NODE = "query($id: ID!) { node(id: $id) { __typename id ... on Product { sku name floorPrice version } } }";
    private static final String NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Product { sku floorPrice } } }";

    private static String create(String token, String sku, String floor) {
        return Api.as(token).body("{\"sku\":\"" + sku + "\",\"name\":\"n " + sku + "\",\"floorPrice\":\"" + floor + "\"}")
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    @Test
    void nodeResolvesAProductWithTheCallersProjection() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String id = create(admin, "NODE-1", "12.5");

        Api.graphql(admin, NODE, Map.of("id", id)).then().statusCode(200).body("errors", nullValue())
                .body("data.node.__typename", equalTo("Product")).body("data.node.id", equalTo(id))
                .body("data.node.sku", equalTo("NODE-1")).body("data.node.floorPrice", equalTo("12.50"))
                .body("data.node.version", equalTo(1));
        Api.graphql(Tokens.token(tenant, "sales"), NODE, Map.of("id", id)).then().body("errors", nullValue())
                .body("data.node.floorPrice", equalTo("12.50"));

        // a partner sees the product as product(sku) shows it: without the floor (HQ's policy)
        String partner = Tokens.partner(tenant, UUID.randomUUID().toString());
        Api.graphql(partner, "{ product(sku: \"NODE-1\") { id floorPrice } }").then().body("errors", nullValue())
                .body("data.product.id", equalTo(id)).body("data.product.floorPrice", nullValue());
        Api.graphql(partner, NODE, Map.of("id", id)).then().statusCode(200).body("errors", nullValue())
                .body("data.node.__typename", equalTo("Product")).body("data.node.sku", equalTo("NODE-1"))
                .body("data.node.floorPrice", nullValue());
        Api.graphql(partner, NODES, Map.of("ids", List.of(id))).then().body("errors", nullValue())
                .body("data.nodes[0].sku", equalTo("NODE-1")).body("data.nodes[0].floorPrice", nullValue());

        // after an update the node shows the new version (writes go through the entity, reads through SQL)
        Api.as(admin).header("If-Match", "\"1\"").body("{\"name\":\"renamed\"}").patch("/api/v1/products/NODE-1").then().statusCode(200)
                .body("version", equalTo(2));
        Api.graphql(admin, NODE, Map.of("id", id)).then().body("data.node.name", equalTo("renamed")).body("data.node.version", equalTo(2));

        // no token
        RestAssured.given().contentType("application/json").body(Map.of("query", NODE, "variables", Map.of("id", id)))
                .post("/graphql").then().statusCode(401);
    }

    @Test
    void anotherTenantsProductIdIsNull() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String id = create(admin, "NODE-T", "3");
        String otherTenant = Tokens.newTenant();
        Api.graphql(Tokens.token(otherTenant, "admin"), NODE, Map.of("id", id)).then().statusCode(200)
                .body("data.node", nullValue()).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(Tokens.partner(otherTenant, UUID.randomUUID().toString()), NODE, Map.of("id", id)).then()
                .body("data.node", nullValue()).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        // mixed: the own product resolves, the other tenant's is null and named by index
        String own = create(Tokens.token(otherTenant, "admin"), "NODE-T", "4");
        Api.graphql(Tokens.token(otherTenant, "admin"), NODES, Map.of("ids", List.of(id, own))).then().statusCode(200)
                .body("data.nodes[0]", nullValue()).body("data.nodes[1].id", equalTo(own))
                .body("data.nodes[1].floorPrice", equalTo("4.00"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND")).body("errors[0].extensions.indexes", hasToString("[0]"));
    }

    @Test
    void nodesOfTwentyProductsCostsAConstantNumberOfStatements() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(create(admin, "NODES-" + i, String.valueOf(i + 1)));
        }
        long two = statements(admin, ids.subList(0, 2));
        long twenty = statements(admin, ids);
        assertEquals(two, twenty, "nodes(ids) of 2 and of 20 products cost the same statements");
        assertEquals(2, twenty, "one statement finds the ids' types, one reads every product");
        Api.graphql(admin, NODES, Map.of("ids", ids)).then().body("errors", nullValue())
                .body("data.nodes.size()", equalTo(20)).body("data.nodes[7].sku", equalTo("NODES-7"))
                .body("data.nodes[19].floorPrice", equalTo("20.00"));
    }

    private static long statements(String token, List<String> ids) {
        long before = SqlCounter.current();
        Api.graphql(token, NODES, Map.of("ids", ids)).then().statusCode(200).body("errors", nullValue())
                .body("data.nodes.size()", equalTo(ids.size()));
        return SqlCounter.current() - before;
    }
}
