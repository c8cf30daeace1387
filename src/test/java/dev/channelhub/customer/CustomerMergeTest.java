package dev.channelhub.customer;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.channelhub.customer.CustomerFixtures.channel;
import static dev.channelhub.customer.CustomerFixtures.identify;
import static dev.channelhub.customer.CustomerFixtures.newCustomer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CustomerMergeTest {

    private static void touch(String token, String customer, String channel, String kind, String at) {
        Api.as(token).body(Map.of("channelId", channel, "kind", kind, "occurredAt", at, "note", kind + " " + at))
                .post("/api/v1/customers/" + customer + "/touchpoints").then().statusCode(201);
    }

    @Test
    void mergeThenUnmergeRestoresExactly() {
        String tenant = Tokens.newTenant();
        RecordingLinkedFeature.TENANTS.add(tenant);
        String admin = Tokens.token(tenant, "admin");
        String sales = Tokens.token(tenant, "sales");
        String ch1 = channel(admin, "WX", "MINI_PROGRAM");
        String ch2 = channel(admin, "STORE", "DIRECT");
        String a = newCustomer(sales, ch1, "Alice", "PHONE", "13912346001", "EMAIL", "alice@example.com");
        String b = newCustomer(sales, ch2, "Alice W.", "PHONE", "13912346002", "WECHAT", "wx_alice");
        touch(sales, a, ch1, "VISIT", "2026-01-01T10:00:00Z");
        touch(sales, b, ch2, "CALL", "2026-02-01T10:00:00Z");
        touch(sales, b, ch2, "PURCHASE", "2026-03-01T10:00:00Z");

        Api.as(sales).body(Map.of("sourceIds", List.of(b), "reason", "same person")).post("/api/v1/customers/" + a + "/merge")
                .then().statusCode(200).body("customer.id", equalTo(a)).body("mergedFrom", contains(b));
        Api.as(sales).get("/api/v1/customers/" + b).then().statusCode(200).body("status", equalTo("MERGED"))
                .body("mergedInto", equalTo(a)).body("name", equalTo("Alice W."));
        Api.as(sales).get("/api/v1/customers/" + a + "/360").then().statusCode(200)
                .body("identities.value", containsInAnyOrder("+8613912346001", "alice@example.com", "+8613912346002", "wx_alice"))
                .body("channels.channelId", contains(ch1, ch2))
                .body("recentTouchpoints.kind", contains("PURCHASE", "CALL", "VISIT"));
        // B's identity now resolves to A; a new identity given with it belongs to A (not to B) from now on.
        identify(sales, ch1, null, "WECHAT", "wx_alice", "EMAIL", "alice.new@example.com").statusCode(200)
                .body("customer.id", equalTo(a)).body("mergedFrom", org.hamcrest.Matchers.empty());
        touch(sales, a, ch2, "SERVICE", "2026-04-01T10:00:00Z");
        // The merged id cannot take new touchpoints or be merged again.
        Api.as(sales).body(Map.of("channelId", ch1, "kind", "VISIT", "occurredAt", "2026-01-01T10:00:00Z"))
                .post("/api/v1/customers/" + b + "/touchpoints").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));

        Api.as(sales).body(Map.of("sourceId", b, "reason", "different people after all")).post("/api/v1/customers/" + a + "/unmerge")
                .then().statusCode(200).body("customer.id", equalTo(a)).body("restored.id", equalTo(b))
                .body("restored.status", equalTo("ACTIVE")).body("restored.mergedInto", nullValue());

        Api.as(sales).get("/api/v1/customers/" + b + "/360").then().statusCode(200)
                .body("customer.status", equalTo("ACTIVE")).body("customer.name", equalTo("Alice W."))
                .body("identities.value", containsInAnyOrder("+8613912346002", "wx_alice"))
                .body("recentTouchpoints.kind", contains("PURCHASE", "CALL"))
                .body("channels.channelId", contains(ch2));
        Api.as(sales).get("/api/v1/customers/" + a + "/360").then().statusCode(200)
                .body("identities.value", containsInAnyOrder("+8613912346001", "alice@example.com", "alice.new@example.com"))
                .body("recentTouchpoints.kind", contains("SERVICE", "VISIT"))
                .body("channels.channelId", contains(ch1, ch2));
        identify(sales, ch2, null, "PHONE", "+86 139 1234 6002").statusCode(200).body("customer.id", equalTo(b));

        Api.as(sales).get("/api/v1/customers/" + a + "/history").then().statusCode(200)
                .body("items.action", contains("CREATED", "MERGED_IN", "UNMERGED_OUT"))
                .body("items[1].reason", equalTo("same person")).body("items[1].relatedCustomerId", equalTo(b))
                .body("items[1].actor", equalTo("user-sales"))
                .body("items[2].reason", equalTo("different people after all"));
        Api.as(sales).get("/api/v1/customers/" + b + "/history").then().statusCode(200)
                .body("items.action", contains("CREATED", "MERGED_INTO", "RESTORED"));

        // Other features took part inside the same transactions (they saw the new status).
        assertTrue(RecordingLinkedFeature.CALLS.contains(tenant + " merge 1 into " + a + " seen MERGED"), RecordingLinkedFeature.CALLS.toString());
        assertTrue(RecordingLinkedFeature.CALLS.contains(tenant + " unmerge " + b + " from " + a + " seen ACTIVE"), RecordingLinkedFeature.CALLS.toString());

        // Unmerging again is not a valid transition.
        Api.as(sales).body(Map.of("sourceId", b)).post("/api/v1/customers/" + a + "/unmerge").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
    }

    @Test
    void chainedMergesPointAtTheLiveSurvivor() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "DIRECT", "DIRECT");
        String a = newCustomer(sales, ch, "A", "PHONE", "13912346011");
        String b = newCustomer(sales, ch, "B", "PHONE", "13912346012");
        String c = newCustomer(sales, ch, "C", "PHONE", "13912346013");
        Api.as(sales).body(Map.of("sourceIds", List.of(c))).post("/api/v1/customers/" + b + "/merge").then().statusCode(200);
        Api.as(sales).body(Map.of("sourceIds", List.of(b))).post("/api/v1/customers/" + a + "/merge").then().statusCode(200);
        Api.as(sales).get("/api/v1/customers/" + c).then().body("status", equalTo("MERGED")).body("mergedInto", equalTo(a));
        Api.as(sales).get("/api/v1/customers?status=MERGED").then().statusCode(200).body("items.id", containsInAnyOrder(b, c));
        Api.as(sales).get("/api/v1/customers").then().statusCode(200).body("items.id", contains(a));
        // B comes back with its own identity only; C stays with A.
        Api.as(sales).body(Map.of("sourceId", b)).post("/api/v1/customers/" + a + "/unmerge").then().statusCode(200);
        Api.as(sales).get("/api/v1/customers/" + b + "/360").then().body("identities.value", contains("+8613912346012"));
        Api.as(sales).get("/api/v1/customers/" + a + "/360").then()
                .body("identities.value", containsInAnyOrder("+8613912346011", "+8613912346013"));
        Api.as(sales).body(Map.of("sourceId", c)).post("/api/v1/customers/" + a + "/unmerge").then().statusCode(200)
                .body("restored.status", equalTo("ACTIVE"));
    }

    @Test
    @InvalidRequests("an empty merge, to see 400")
    void mergeRulesAndSecurity() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String sales = Tokens.token(tenant, "sales");
        String dealer = channel(admin, "D1", "DISTRIBUTOR");
        String a = newCustomer(sales, dealer, "A", "PHONE", "13912346021");
        String b = newCustomer(sales, dealer, "B", "PHONE", "13912346022");
        String url = "/api/v1/customers/" + a + "/merge";
        Api.as(sales).body(Map.of("sourceIds", List.of(a))).post(url).then().statusCode(400).body("errors.field", contains("sourceIds[0]"));
        Api.as(sales).body(Map.of("sourceIds", List.of(b, "x"))).post(url).then().statusCode(400).body("errors.field", contains("sourceIds[1]"));
        Api.as(sales).body(Map.of("sourceIds", List.of())).post(url).then().statusCode(400).body("errors.field", contains("sourceIds"));
        Api.as(sales).body(Map.of("sourceIds", List.of(UUID.randomUUID().toString()))).post(url).then().statusCode(404);
        Api.as(Tokens.partner(tenant, dealer)).body(Map.of("sourceIds", List.of(b))).post(url).then().statusCode(403);
        Api.as(Tokens.token(tenant, "manager")).body(Map.of("sourceIds", List.of(b))).post(url).then().statusCode(403);
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).body(Map.of("sourceIds", List.of(b))).post(url).then().statusCode(404);
        Api.as(null).body(Map.of("sourceIds", List.of(b))).post(url).then().statusCode(401);
        Api.as(sales).body(Map.of("sourceIds", List.of(b))).post(url).then().statusCode(200);
        // Merging into a merged customer, or merging a merged one again: 409.
        String c = newCustomer(sales, dealer, "C", "PHONE", "13912346023");
        Api.as(sales).body(Map.of("sourceIds", List.of(c))).post("/api/v1/customers/" + b + "/merge").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        Api.as(sales).body(Map.of("sourceIds", List.of(b))).post("/api/v1/customers/" + c + "/merge").then().statusCode(409);
        Api.as(sales).body(Map.of("sourceId", c)).post("/api/v1/customers/" + a + "/unmerge").then().statusCode(409);
        Api.as(sales).body(Map.of("sourceId", "nope")).post("/api/v1/customers/" + a + "/unmerge").then().statusCode(400)
                .body("errors.field", contains("sourceId"));
        // The merged customer cannot be patched.
        Api.as(sales).body(Map.of("name", "X")).patch("/api/v1/customers/" + b).then().statusCode(409);
    }
}
