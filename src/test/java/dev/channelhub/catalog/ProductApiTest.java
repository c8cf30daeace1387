package dev.channelhub.catalog;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ProductApiTest {

    @Test
    void createGetAndDuplicate() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(admin).body("{\"sku\":\"TEA-1\",\"name\":\"Green tea\",\"category\":\"tea\",\"floorPrice\":\"12.5\"}")
                .post("/api/v1/products").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("unit", equalTo("EA")).body("currency", equalTo("CNY"))
                .body("floorPrice", equalTo("12.50")).body("version", equalTo(1));
        Api.as(admin).get("/api/v1/products/TEA-1").then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Green tea"));
        Api.as(admin).body("{\"sku\":\"TEA-1\",\"name\":\"again\"}").post("/api/v1/products").then().statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        Api.as(admin).get("/api/v1/products/NOPE").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    @InvalidRequests("malformed products, to see 400")
    void invalidInputIs400NamingTheField() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(admin).body("{\"sku\":\"has space\",\"name\":\"x\"}").post("/api/v1/products").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("sku"));
        Api.as(admin).body("{\"sku\":\"A\",\"name\":\"x\",\"floorPrice\":\"-1\"}").post("/api/v1/products").then().statusCode(400)
                .body("errors.field", hasItem("floorPrice"));
        Api.as(admin).body("{\"sku\":\"A\",\"name\":\"x\",\"status\":\"GONE\"}").post("/api/v1/products").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        Api.as(admin).body("{\"sku\":\"A\",\"name\":\"x\",\"currency\":\"XYZ\"}").post("/api/v1/products").then().statusCode(400)
                .body("errors.field", hasItem("currency"));
        Api.as(admin).get("/api/v1/products?status=GONE").then().statusCode(400).body("errors.field", hasItem("status"));
        Api.as(admin).get("/api/v1/products").then().body("items.size()", equalTo(0));
    }

    @Test
    void listFiltersAndPages() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        for (int i = 0; i < 7; i++) {
            Api.as(admin).body(Map.of("sku", "S-" + i, "name", i % 2 == 0 ? "Oolong " + i : "Coffee " + i,
                    "category", i % 2 == 0 ? "tea" : "coffee", "status", i == 6 ? "DISCONTINUED" : "ACTIVE"))
                    .post("/api/v1/products").then().statusCode(201);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = Api.as(admin).queryParam("limit", 3);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/products").then().statusCode(200).extract();
            seen.addAll(page.path("items.sku"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(7, seen.size());
        assertEquals(3, pages);
        Api.as(admin).get("/api/v1/products?category=tea").then().body("items.size()", equalTo(4));
        Api.as(admin).get("/api/v1/products?status=DISCONTINUED").then().body("items.size()", equalTo(1))
                .body("items[0].sku", equalTo("S-6"));
        Api.as(admin).get("/api/v1/products?q=oolong").then().body("items.size()", equalTo(4));
        Api.as(admin).get("/api/v1/products?q=s-3").then().body("items.size()", equalTo(1));
        Api.as(admin).get("/api/v1/products?q=100%25").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    @InvalidRequests("an empty name, to see 400")
    void patchHonoursIfMatch() {
        String admin = Tokens.token(Tokens.newTenant(), "manager");
        Api.as(admin).body("{\"sku\":\"P\",\"name\":\"P\"}").post("/api/v1/products").then().statusCode(201);
        Api.as(admin).header("If-Match", "\"1\"").body("{\"name\":\"Renamed\",\"status\":\"DISCONTINUED\"}").patch("/api/v1/products/P")
                .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("Renamed")).body("status", equalTo("DISCONTINUED"));
        Api.as(admin).header("If-Match", "\"1\"").body("{\"name\":\"Stale\"}").patch("/api/v1/products/P")
                .then().statusCode(412).body("code", equalTo("VERSION_CONFLICT"));
        Api.as(admin).get("/api/v1/products/P").then().body("name", equalTo("Renamed"));
        Api.as(admin).body("{\"name\":\"\"}").patch("/api/v1/products/P").then().statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void rolesAndTenants() {
        String tenant = Tokens.newTenant();
        String body = "{\"sku\":\"R\",\"name\":\"R\",\"floorPrice\":\"5\"}";
        Api.as(Tokens.token(tenant, "sales")).body(body).post("/api/v1/products").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        Api.as(Tokens.token(tenant, "integration")).body(body).post("/api/v1/products").then().statusCode(201);
        Api.as(Tokens.token(tenant, "sales")).get("/api/v1/products/R").then().statusCode(200).body("floorPrice", equalTo("5.00"));
        Api.as(Tokens.token(tenant, "sales")).body("{\"name\":\"x\"}").patch("/api/v1/products/R").then().statusCode(403);
        Api.as(Tokens.partner(tenant, java.util.UUID.randomUUID().toString())).get("/api/v1/products/R").then().statusCode(200)
                .body("floorPrice", nullValue());
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/products/R").then().statusCode(404);
        Api.as(null).get("/api/v1/products/R").then().statusCode(401);
    }

    @Test
    void graphqlCreatesAndUpdatesThroughTheSameService() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        Api.graphql(admin, "mutation { createProduct(input: {sku: \"G-1\", name: \"Gq\", floorPrice: \"3\"}) { sku floorPrice version } }")
                .then().body("errors", nullValue()).body("data.createProduct.floorPrice", equalTo("3.00"));
        Api.graphql(admin, "mutation { updateProduct(sku: \"G-1\", input: {name: \"New\"}, version: 1) { name version } }")
                .then().body("errors", nullValue()).body("data.updateProduct.version", equalTo(2));
        Api.graphql(admin, "mutation { updateProduct(sku: \"G-1\", input: {name: \"Old\"}, version: 1) { name } }")
                .then().body("errors[0].extensions.code", equalTo("VERSION_CONFLICT"));
        Api.graphql(admin, "{ product(sku: \"G-1\") { name } }").then().body("data.product.name", equalTo("New"));
        Api.graphql(admin, "mutation { createProduct(input: {sku: \"G-1\", name: \"dup\"}) { sku } }")
                .then().body("errors[0].extensions.code", equalTo("DUPLICATE")).body("errors[0].message", containsString("G-1"));
    }
}
