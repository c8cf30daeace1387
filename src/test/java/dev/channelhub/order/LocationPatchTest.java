package dev.channelhub.order;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.channelhub.order.OrderFixture.order;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** {@code PATCH /locations/{id}}: merge-patch with If-Match; re-targeting a location changes where orders reserve at once. */
@QuarkusTest
class LocationPatchTest {

    private static String warehouseId(OrderFixture f) {
        return Api.as(f.admin).get("/api/v1/locations").then().statusCode(200).extract().path("items.find { it.code == 'WH' }.id");
    }

    @Test
    void patchRetargetsAndReprioritisesWithEtag() {
        OrderFixture f = OrderFixture.create().products(Map.of("A", "10")).stock("A", 5);
        String dealer = f.activePartner("D1", null);
        String wh = warehouseId(f);

        Api.as(f.admin).header("If-Match", "\"1\"")
                .body("{\"name\":\"North warehouse\",\"region\":\"NORTH\",\"priority\":50,\"channelIds\":[\"" + dealer + "\"]}")
                .patch("/api/v1/locations/" + wh).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("North warehouse")).body("region", equalTo("NORTH")).body("priority", equalTo(50))
                .body("channelIds", contains(dealer)).body("code", equalTo("WH")).body("type", equalTo("WAREHOUSE"))
                .body("version", equalTo(2));

        // The warehouse no longer serves the online store: its orders find no stock, the dealer's do.
        f.place(f.sales, order(f.online, "A", 1)).then().statusCode(409).body("code", equalTo("INSUFFICIENT_STOCK"));
        f.place(f.sales, order(dealer, "A", 1)).then().statusCode(201);

        // A stale version changes nothing.
        Api.as(f.admin).header("If-Match", "\"1\"").body("{\"name\":\"stale\"}").patch("/api/v1/locations/" + wh)
                .then().statusCode(412).body("code", equalTo("VERSION_CONFLICT"));
        // null clears: serves every channel again, no region.
        Api.as(f.admin).body("{\"channelIds\":null,\"region\":null}").patch("/api/v1/locations/" + wh).then().statusCode(200)
                .header("ETag", "\"3\"").body("channelIds", nullValue()).body("region", nullValue()).body("name", equalTo("North warehouse"));
        f.place(f.sales, order(f.online, "A", 1)).then().statusCode(201);

        // GraphQL: the same service.
        Api.graphql(f.admin, "mutation($id: ID!) { updateLocation(id: $id, version: 3, input: {priority: 7}) { priority version } }",
                Map.of("id", wh)).then().body("errors", nullValue())
                .body("data.updateLocation.priority", equalTo(7)).body("data.updateLocation.version", equalTo(4));
        Api.graphql(f.admin, "mutation($id: ID!) { updateLocation(id: $id, version: 3, input: {priority: 8}) { priority } }",
                Map.of("id", wh)).then().body("errors[0].extensions.code", equalTo("VERSION_CONFLICT"));
    }

    @Test
    @InvalidRequests("patches of the wrong type, to see 400")
    void badPatchesAreRejectedAndChangeNothing() {
        OrderFixture f = OrderFixture.create();
        String wh = warehouseId(f);
        Api.as(f.admin).body("{\"priority\":\"high\"}").patch("/api/v1/locations/" + wh).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("priority"));
        Api.as(f.admin).body("{\"channelIds\":[\"not-a-uuid\"]}").patch("/api/v1/locations/" + wh).then().statusCode(400)
                .body("errors[0].field", equalTo("channelIds[0]"));
        Api.as(f.admin).body("{\"name\":null}").patch("/api/v1/locations/" + wh).then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        Api.as(f.admin).body("{\"name\":\"  \"}").patch("/api/v1/locations/" + wh).then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        Api.as(f.admin).body(Map.of("channelIds", List.of(f.online), "clear", List.of("channelIds"))).patch("/api/v1/locations/" + wh)
                .then().statusCode(400).body("errors[0].field", equalTo("channelIds"));
        Api.as(f.admin).body("[1]").patch("/api/v1/locations/" + wh).then().statusCode(400);
        Api.as(f.admin).get("/api/v1/locations/" + wh).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Warehouse"));
    }

    @Test
    void onlyManagersOfTheTenantMayPatch() {
        OrderFixture f = OrderFixture.create();
        String wh = warehouseId(f);
        String dealer = f.activePartner("D1", null);
        String body = "{\"priority\":99}";
        RestAssured.given().contentType("application/json").body(body).patch("/api/v1/locations/" + wh).then().statusCode(401);
        Api.as(f.sales).body(body).patch("/api/v1/locations/" + wh).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        Api.as(Tokens.partner(f.tenant, dealer)).body(body).patch("/api/v1/locations/" + wh).then().statusCode(403);
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).body(body).patch("/api/v1/locations/" + wh).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        Api.as(f.admin).body(body).patch("/api/v1/locations/" + java.util.UUID.randomUUID()).then().statusCode(404);
        Api.as(f.admin).get("/api/v1/locations/" + wh).then().body("priority", equalTo(10)).body("version", equalTo(1));
    }
}
