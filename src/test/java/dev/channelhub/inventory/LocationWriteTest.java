package dev.channelhub.inventory;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Locations are written through {@link LocationEntity} (Hibernate Reactive, docs/DEVELOPING.md "Persistence"): what the
 * SQL version promised still holds — every accepted patch is a new version, the channel list keeps its order, an
 * idempotent create commits its answer with the location and a failed one releases its key.
 */
@QuarkusTest
class LocationWriteTest {

    @Inject
    Db db;

    @Test
    void everyAcceptedPatchIsANewVersionEvenWhenNothingChanges() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String id = Api.as(admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE")).post("/api/v1/locations")
                .then().statusCode(201).body("version", equalTo(1)).extract().path("id");
        Api.as(admin).body("{}").patch("/api/v1/locations/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("name", equalTo("Warehouse"));
        Api.as(admin).header("If-Match", "\"2\"").body(Map.of("name", "Warehouse")).patch("/api/v1/locations/" + id)
                .then().statusCode(200).header("ETag", "\"3\"").body("version", equalTo(3));
        // The answer of a patch is what a read gives afterwards (no re-read: the flush has bumped the version).
        String patched = Api.as(admin).body(Map.of("priority", 4)).patch("/api/v1/locations/" + id).then().statusCode(200)
                .header("ETag", "\"4\"").extract().asString();
        assertEquals(patched, Api.as(admin).get("/api/v1/locations/" + id).then().statusCode(200).extract().asString());
    }

    @Test
    void channelIdsKeepTheirOrderWithoutDuplicatesAndTheCreateAnswerEqualsTheRead() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        Response created = Api.as(admin).body(Map.of("code", "ST", "name", "Store", "type", "STORE", "priority", 3,
                "channelIds", List.of(b, a, b))).post("/api/v1/locations");
        created.then().statusCode(201).body("channelIds", contains(b, a)).body("priority", equalTo(3)).body("region", nullValue());
        String id = created.path("id");
        assertEquals(created.asString(), Api.as(admin).get("/api/v1/locations/" + id).then().statusCode(200).extract().asString());
        Api.as(admin).body(Map.of("channelIds", List.of(a))).patch("/api/v1/locations/" + id).then().statusCode(200)
                .body("channelIds", contains(a));
        Api.graphql(admin, "mutation($id: ID!) { updateLocation(id: $id, input: {clear: [\"channelIds\"]}) { channelIds version } }",
                Map.of("id", id)).then().body("errors", nullValue())
                .body("data.updateLocation.channelIds", nullValue()).body("data.updateLocation.version", equalTo(3));
    }

    @Test
    void anIdempotentCreateCommitsItsAnswerWithTheLocationAndAFailedOneReleasesItsKey() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        Map<String, Object> body = Map.of("code", "DC", "name", "Depot", "type", "WAREHOUSE");
        String id = Api.as(admin).header("Idempotency-Key", "loc-1").body(body).post("/api/v1/locations").then().statusCode(201)
                .extract().path("id");
        Api.as(admin).header("Idempotency-Key", "loc-1").body(body).post("/api/v1/locations").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, count("select count(*) from stock_location where tenant_id = $1 and code = $2", tenant, "DC"));
        assertEquals(1, count("select count(*) from idempotency_key where tenant_id = $1 and key = $2 and state = 'DONE'", tenant, "loc-1"));

        // A taken code rolls the create back: 409, and the key is free again (not a stored answer, not "still running").
        Api.as(admin).header("Idempotency-Key", "loc-2").body(body).post("/api/v1/locations").then().statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        assertEquals(0, count("select count(*) from idempotency_key where tenant_id = $1 and key = $2", tenant, "loc-2"));
        Api.as(admin).header("Idempotency-Key", "loc-2").body(body).post("/api/v1/locations").then().statusCode(409)
                .body("code", equalTo("DUPLICATE"));
    }

    private long count(String sql, String tenant, Object arg) {
        return db.pool().preparedQuery(sql).execute(Tuple.of(tenant, arg)).await().indefinitely().iterator().next().getLong(0);
    }
}
