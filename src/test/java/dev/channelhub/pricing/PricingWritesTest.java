package dev.channelhub.pricing;

import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Price-list headers and promotions are written as entities (docs/DEVELOPING.md "Persistence"): every write answers
 * exactly what a later read of the same row returns (scale of money, microseconds of instants, version, entryCount),
 * a taken code is DUPLICATE with nothing written, and each write costs a small, fixed number of statements.
 */
@QuarkusTest
class PricingWritesTest {

    @Test
    void priceListWritesAnswerWhatAReadReturns() {
        PricingFixture f = new PricingFixture();
        f.product("W-A", "5");
        f.product("W-B", null);
        f.product("NULL", null);
        String channel = f.channel("W-CH", "AGENT");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "W");
        body.put("name", "Writes");
        body.put("scope", Map.of("channelTypes", List.of("AGENT", "AGENT"), "customerGroups", List.of("vip", "vip", "b2b")));
        body.put("validFrom", "2030-01-01T00:00:00.123456789Z");
        body.put("entries", List.of(Map.of("sku", "W-A", "price", "10"), Map.of("sku", "W-B", "price", "3.5", "minQuantity", 5)));

        long before = SqlCounter.current();
        JsonPath created = Api.as(f.admin).header("Idempotency-Key", "w-" + f.tenant).body(body).post("/api/v1/price-lists")
                .then().statusCode(201).extract().jsonPath();
        long create = SqlCounter.current() - before;
        String id = created.getString("id");
        assertEquals(2, created.getInt("entryCount"));
        assertEquals(1, created.getInt("version"));
        assertEquals("2030-01-01T00:00:00.123456Z", created.getString("validFrom"), "kept to the microsecond, as PostgreSQL keeps it");
        assertEquals(List.of("AGENT"), created.getList("scope.channelTypes"));
        assertEquals(List.of("vip", "b2b"), created.getList("scope.customerGroups"));
        assertEquals(read(f, "/api/v1/price-lists/" + id), created.getMap("$"));

        before = SqlCounter.current();
        JsonPath patched = Api.as(f.admin).header("If-Match", "\"1\"")
                .body(Map.of("name", "Writes 2", "validTo", "2031-06-01T00:00:00Z", "scope", Map.of("channelIds", List.of(channel))))
                .patch("/api/v1/price-lists/" + id).then().statusCode(200).header("ETag", "\"2\"").extract().jsonPath();
        long patch = SqlCounter.current() - before;
        assertEquals(2, patched.getInt("version"));
        assertEquals(2, patched.getInt("entryCount"), "a patch leaves the entries");
        assertEquals(400, patched.getInt("effectivePriority"), "a channel-scoped list");
        assertEquals(read(f, "/api/v1/price-lists/" + id), patched.getMap("$"));
        Api.as(f.admin).header("If-Match", "\"1\"").body(Map.of("name", "stale")).patch("/api/v1/price-lists/" + id)
                .then().statusCode(412).body("code", equalTo("VERSION_CONFLICT"));

        String upsert = "mutation($in: PriceListInput!, $v: Int) { upsertPriceList(input: $in, version: $v) { id version entryCount } }";
        before = SqlCounter.current();
        Api.graphql(f.admin, upsert, Map.of("in", Map.of("code", "W", "name", "W3", "entries",
                        List.of(Map.of("sku", "W-A", "price", "11"), Map.of("sku", "W-A", "price", "9", "minQuantity", 10))), "v", 2))
                .then().body("errors", nullValue()).body("data.upsertPriceList.version", equalTo(3))
                .body("data.upsertPriceList.entryCount", equalTo(3));
        long upsertUpdate = SqlCounter.current() - before;
        JsonPath read = Api.as(f.admin).get("/api/v1/price-lists/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("W3", read.getString("name"));
        assertEquals(List.of(), read.getList("scope.channelIds"), "an upsert replaces the whole header");
        assertEquals(3, read.getInt("entryCount"));

        before = SqlCounter.current();
        // entries travel to the session's native statement as array literals: a SKU spelt NULL stays a SKU
        String created2 = Api.graphql(f.admin, upsert, Map.of("in", Map.of("code", "W-NEW", "name", "n", "entries",
                        List.of(Map.of("sku", "W-B", "price", "1"), Map.of("sku", "NULL", "price", "2")))))
                .then().body("errors", nullValue()).body("data.upsertPriceList.version", equalTo(1))
                .body("data.upsertPriceList.entryCount", equalTo(2)).extract().path("data.upsertPriceList.id");
        long upsertCreate = SqlCounter.current() - before;
        assertEquals(List.of("NULL", "W-B"), Api.as(f.admin).get("/api/v1/price-lists/" + created2 + "/entries").then().statusCode(200)
                .extract().jsonPath().getList("items.sku"));

        Api.as(f.admin).body(Map.of("code", "W", "name", "again")).post("/api/v1/price-lists")
                .then().statusCode(409).body("code", equalTo("DUPLICATE"));
        assertEquals(2, Api.as(f.admin).get("/api/v1/price-lists").then().statusCode(200).extract().jsonPath().getList("items").size(),
                "a refused duplicate writes nothing");
        System.out.printf("price list statements: create %d, patch %d, upsert(update+entries) %d, upsert(create) %d%n",
                create, patch, upsertUpdate, upsertCreate);
        assertTrue(create <= 6, "POST /price-lists with entries and a key: " + create);
        assertTrue(patch <= 3, "PATCH /price-lists/{id}: " + patch);
        assertTrue(upsertUpdate <= 6, "upsertPriceList (update with entries): " + upsertUpdate);
        assertTrue(upsertCreate <= 5, "upsertPriceList (create): " + upsertCreate);
    }

    @Test
    void promotionCreateAnswersWhatAReadReturns() {
        PricingFixture f = new PricingFixture();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "P10");
        body.put("kind", "PERCENT_OFF");
        body.put("value", "10");
        body.put("skus", List.of("X-1", "X-1", "NULL"));
        body.put("categories", List.of("tea"));
        body.put("scope", Map.of("channelTypes", List.of("AGENT")));
        body.put("validTo", "2040-01-01T00:00:00.0000019Z");
        long before = SqlCounter.current();
        JsonPath created = Api.as(f.admin).header("Idempotency-Key", "p-" + f.tenant).body(body).post("/api/v1/promotions")
                .then().statusCode(201).extract().jsonPath();
        long create = SqlCounter.current() - before;
        assertEquals("10.0000", created.getString("value"), "money at the column's scale");
        assertEquals(List.of("X-1", "NULL"), created.getList("skus"));
        assertEquals(1, created.getInt("version"));
        assertEquals(read(f, "/api/v1/promotions/" + created.getString("id")), created.getMap("$"));
        // the same key again replays the stored answer
        JsonPath replay = Api.as(f.admin).header("Idempotency-Key", "p-" + f.tenant).body(body).post("/api/v1/promotions")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().jsonPath();
        assertEquals(created.getMap("$"), replay.getMap("$"));

        Api.as(f.admin).body(Map.of("code", "P10", "kind", "AMOUNT_OFF", "value", "1")).post("/api/v1/promotions")
                .then().statusCode(409).body("code", equalTo("DUPLICATE"));
        assertEquals(1, Api.as(f.admin).get("/api/v1/promotions").then().statusCode(200).extract().jsonPath().getList("items").size());
        System.out.printf("promotion statements: create %d%n", create);
        assertTrue(create <= 4, "POST /promotions with a key: " + create);
    }

    private static Map<String, Object> read(PricingFixture f, String path) {
        return Api.as(f.admin).get(path).then().statusCode(200).extract().jsonPath().getMap("$");
    }
}
