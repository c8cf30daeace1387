package dev.channelhub.channel;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ChannelPatchTest {

    @Test
    void patchSetsAndClearsFieldsWithEtagAndIfMatch() {
        String manager = Tokens.token(Tokens.newTenant(), "manager");
        String id = Channels.create(manager, "D1", "DISTRIBUTOR", "\"tier\":\"SILVER\"", "\"region\":\"EAST\"", "\"creditLimit\":\"100\"");
        Api.as(manager).header("If-Match", "\"1\"")
                .body("{\"name\":\"East dealer\",\"creditLimit\":\"2500.5\",\"currency\":\"USD\",\"region\":null,"
                        + "\"contact\":{\"name\":\"Wang\",\"phone\":\"+8613800000000\"}}")
                .patch("/api/v1/channels/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("East dealer")).body("creditLimit", equalTo("2500.50")).body("currency", equalTo("USD"))
                .body("region", nullValue()).body("tier", equalTo("SILVER")).body("contact.name", equalTo("Wang"))
                .body("version", equalTo(2)).body("code", equalTo("D1")).body("status", equalTo("APPLIED"));
        // A stale version changes nothing.
        Api.as(manager).header("If-Match", "\"1\"").body("{\"name\":\"stale\"}").patch("/api/v1/channels/" + id)
                .then().statusCode(412).body("code", equalTo("VERSION_CONFLICT"));
        Api.as(manager).get("/api/v1/channels/" + id).then().header("ETag", "\"2\"").body("name", equalTo("East dealer"));
        // Without If-Match the patch applies; "creditLimit": null removes the limit.
        Api.as(manager).body("{\"creditLimit\":null,\"tier\":\"GOLD\"}").patch("/api/v1/channels/" + id)
                .then().statusCode(200).header("ETag", "\"3\"").body("creditLimit", nullValue()).body("tier", equalTo("GOLD"));
        Api.as(manager).header("If-Match", "garbage").body("{\"name\":\"x\"}").patch("/api/v1/channels/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    @InvalidRequests("malformed patches, to see 400")
    void badPatchesAre400AndChangeNothing() {
        String manager = Tokens.token(Tokens.newTenant(), "manager");
        String id = Channels.create(manager, "D1", "DISTRIBUTOR");
        String[][] cases = {
                {"{\"creditLimit\":\"-1\"}", "creditLimit"},
                {"{\"creditLimit\":\"abc\"}", "creditLimit"},
                {"{\"name\":\"  \"}", "name"},
                {"{\"name\":null}", "name"},
                {"{\"currency\":\"XXXX\"}", "currency"},
                {"{\"parentId\":\"nope\"}", "parentId"},
                {"{\"contact\":{\"email\":\"not-an-email\"}}", "contact.email"},
                {"{\"clear\":[\"status\"]}", "clear[0]"},
                {"[1,2]", "body"},
        };
        for (String[] c : cases) {
            Api.as(manager).body(c[0]).patch("/api/v1/channels/" + id).then().statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo(c[1]));
        }
        Api.as(manager).body("{malformed").patch("/api/v1/channels/" + id).then().statusCode(400);
        Api.as(manager).get("/api/v1/channels/" + id).then().header("ETag", "\"1\"");
    }

    @Test
    void duplicateCodeOnPatchIs409() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        Channels.create(admin, "TAKEN", "DIRECT");
        String id = Channels.create(admin, "FREE", "DIRECT");
        Api.as(admin).body("{\"code\":\"TAKEN\"}").patch("/api/v1/channels/" + id).then().statusCode(409).body("code", equalTo("DUPLICATE"));
        Api.as(admin).body("{\"code\":\"RENAMED\"}").patch("/api/v1/channels/" + id).then().statusCode(200).body("code", equalTo("RENAMED"));
    }

    @Test
    void cyclesAreRejected() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String top = Channels.create(admin, "TOP", "DISTRIBUTOR");
        String mid = Channels.create(admin, "MID", "DISTRIBUTOR", "\"parentId\":\"" + top + "\"");
        String leaf = Channels.create(admin, "LEAF", "RETAIL_STORE", "\"parentId\":\"" + mid + "\"");
        Api.as(admin).body("{\"parentId\":\"" + top + "\"}").patch("/api/v1/channels/" + top).then().statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
        Api.as(admin).body("{\"parentId\":\"" + leaf + "\"}").patch("/api/v1/channels/" + top).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("parentId"));
        Api.as(admin).body("{\"parentId\":\"" + mid + "\"}").patch("/api/v1/channels/" + top).then().statusCode(400);
        Api.as(admin).body("{\"parentId\":\"" + java.util.UUID.randomUUID() + "\"}").patch("/api/v1/channels/" + top).then().statusCode(400);
        Api.as(admin).get("/api/v1/channels/" + top).then().body("parentId", nullValue()).body("version", equalTo(1));
        // Moving a leaf up is fine, and so is detaching it.
        Api.as(admin).body("{\"parentId\":\"" + top + "\"}").patch("/api/v1/channels/" + leaf).then().statusCode(200)
                .body("parentId", equalTo(top));
        Api.as(admin).body("{\"parentId\":null}").patch("/api/v1/channels/" + leaf).then().statusCode(200).body("parentId", nullValue());
        Api.as(admin).body("{\"parentId\":\"" + leaf + "\"}").patch("/api/v1/channels/" + top).then().statusCode(200);
    }

    /**
     * Two channels re-parented onto each other at the same time: the hierarchy lock lets exactly one win. Both requests
     * are released together by a latch, round after round, so their transactions overlap (without the lock, a round
     * ends with both accepted, a cycle, or with a deadlock).
     */
    @Test
    void concurrentReparentingCannotCloseACycle() throws Exception {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                String a = Channels.create(admin, "A" + round, "DISTRIBUTOR");
                String b = Channels.create(admin, "B" + round, "DISTRIBUTOR");
                var start = new java.util.concurrent.CountDownLatch(1);
                java.util.function.BiFunction<String, String, java.util.concurrent.Callable<Integer>> reparent = (child, parent) -> () -> {
                    var request = Api.as(admin).body("{\"parentId\":\"" + parent + "\"}");
                    start.await();
                    return request.patch("/api/v1/channels/" + child).statusCode();
                };
                var first = pool.submit(reparent.apply(a, b));
                var second = pool.submit(reparent.apply(b, a));
                start.countDown();
                java.util.List<Integer> codes = java.util.List.of(first.get(), second.get()).stream().sorted().toList();
                org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(200, 400), codes, "round " + round);
                String parentOfA = Api.as(admin).get("/api/v1/channels/" + a).then().extract().path("parentId");
                String parentOfB = Api.as(admin).get("/api/v1/channels/" + b).then().extract().path("parentId");
                org.junit.jupiter.api.Assertions.assertTrue(parentOfA == null ^ parentOfB == null, "round " + round + ": exactly one moved");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rolesForPatchAndCreate() {
        String tenant = Tokens.newTenant();
        String id = Channels.create(Tokens.token(tenant, "manager"), "D1", "DISTRIBUTOR");
        String sales = Tokens.token(tenant, "sales");
        Api.as(sales).body("{\"code\":\"S\",\"name\":\"S\",\"type\":\"DIRECT\"}").post("/api/v1/channels").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Api.as(sales).body("{\"name\":\"by sales\"}").patch("/api/v1/channels/" + id).then().statusCode(403);
        Api.as(sales).get("/api/v1/channels/" + id).then().statusCode(200);
        Api.as(sales).get("/api/v1/channels").then().statusCode(200).body("items.size()", equalTo(1));
        String integration = Tokens.token(tenant, "integration");
        Api.as(integration).body("{\"name\":\"from ERP\"}").patch("/api/v1/channels/" + id).then().statusCode(200)
                .body("name", equalTo("from ERP"));
        Api.as(integration).body("{\"code\":\"ERP-1\",\"name\":\"ERP\",\"type\":\"DIRECT\"}").post("/api/v1/channels").then().statusCode(201);
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).body("{\"name\":\"x\"}").patch("/api/v1/channels/" + id).then().statusCode(404);
        Api.as(null).body("{\"name\":\"x\"}").patch("/api/v1/channels/" + id).then().statusCode(401);
    }

    @Test
    void graphqlUpdateWithVersion() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String id = Channels.create(admin, "G1", "AGENT", "\"tier\":\"GOLD\"");
        String m = "mutation($id: ID!, $in: UpdateChannelInput!, $v: Int) { updateChannel(id: $id, input: $in, version: $v) { name tier version } }";
        Api.graphql(admin, m, Map.of("id", id, "in", Map.of("name", "x"), "v", 3)).then()
                .body("errors[0].extensions.code", equalTo("VERSION_CONFLICT"));
        Api.graphql(admin, m, Map.of("id", id, "in", Map.of("name", "Renamed", "clear", java.util.List.of("tier")), "v", 1)).then()
                .body("errors", nullValue()).body("data.updateChannel.name", equalTo("Renamed"))
                .body("data.updateChannel.tier", nullValue()).body("data.updateChannel.version", equalTo(2));
        Api.graphql(Tokens.token(Tokens.newTenant(), "sales"), m, Map.of("id", id, "in", Map.of("name", "x"))).then()
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(admin, m, Map.of("id", id, "in", Map.of("creditLimit", "-5"))).then()
                .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
    }
}
