package dev.channelhub.customer;

import dev.channelhub.support.InvalidRequests;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.channelhub.customer.CustomerFixtures.channel;
import static dev.channelhub.customer.CustomerFixtures.identify;
import static dev.channelhub.customer.CustomerFixtures.newCustomer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CustomerProfileTest {

    @Test
    @InvalidRequests("malformed profile fields, to see 400")
    void patchWithIfMatchAndFields() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(admin, "A", "DIRECT");
        String dealer = channel(admin, "D", "DISTRIBUTOR");
        String id = newCustomer(sales, ch, "Acme", "PHONE", "13912349001");
        String url = "/api/v1/customers/" + id;
        Api.as(sales).header("If-Match", "\"1\"")
                .body(Map.of("name", "Acme Ltd", "type", "COMPANY", "group", "WHOLESALE", "tags", List.of("b2b", " b2b", "east"),
                        "attributes", Map.of("taxNo", "91310000", "employees", 120), "ownerChannelId", dealer))
                .patch(url).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("Acme Ltd")).body("type", equalTo("COMPANY")).body("group", equalTo("WHOLESALE"))
                .body("tags", contains("b2b", "east")).body("attributes.taxNo", equalTo("91310000"))
                .body("attributes.employees", equalTo(120)).body("ownerChannelId", equalTo(dealer))
                .body("originChannelId", equalTo(ch)).body("version", equalTo(2));
        Api.as(sales).header("If-Match", "\"1\"").body(Map.of("name", "late")).patch(url).then().statusCode(412)
                .body("code", equalTo("VERSION_CONFLICT"));
        Api.as(sales).body(Map.of("group", "", "ownerChannelId", "")).patch(url).then().statusCode(200)
                .body("group", nullValue()).body("ownerChannelId", nullValue()).body("name", equalTo("Acme Ltd"));
        Api.as(sales).body(Map.of("type", "ROBOT")).patch(url).then().statusCode(400).body("errors.field", contains("type"));
        Api.as(sales).body(Map.of("name", "")).patch(url).then().statusCode(400).body("errors.field", contains("name"));
        Api.as(sales).body(Map.of("ownerChannelId", java.util.UUID.randomUUID().toString())).patch(url).then().statusCode(400)
                .body("errors.field", contains("ownerChannelId"));
        Api.as(sales).body(Map.of("attributes", List.of(1))).patch(url).then().statusCode(400);
        Api.as(sales).header("If-Match", "garbage").body(Map.of("name", "x")).patch(url).then().statusCode(400);
        Api.as(Tokens.token(tenant, "manager")).body(Map.of("name", "x")).patch(url).then().statusCode(403);
        Api.as(sales).get(url + "/history").then().body("items.action", contains("CREATED", "UPDATED", "UPDATED"));
    }

    @Test
    @InvalidRequests("a malformed touchpoint, to see 400")
    void touchpointsNewestFirstPagedAndChannelsSeen() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String sales = Tokens.token(tenant, "sales");
        String web = channel(admin, "WEB", "ONLINE_STORE");
        String store = channel(admin, "STORE", "RETAIL_STORE");
        String id = newCustomer(sales, web, "Tp", "EMAIL", "tp@example.com");
        String url = "/api/v1/customers/" + id + "/touchpoints";
        String[] kinds = {"VISIT", "INQUIRY", "CALL", "PURCHASE", "SERVICE", "CAMPAIGN"};
        for (int i = 0; i < kinds.length; i++) {
            Api.as(sales).body(Map.of("channelId", i < 3 ? web : store, "kind", kinds[i],
                            "occurredAt", "2025-0" + (i + 1) + "-15T09:30:00Z", "note", "n" + i))
                    .post(url).then().statusCode(201).body("kind", equalTo(kinds[i])).body("customerId", equalTo(id))
                    .body("actor", equalTo("user-sales"));
        }
        Set<String> seen = new HashSet<>();
        var first = Api.as(sales).get(url + "?limit=4").then().statusCode(200)
                .body("items.kind", contains("CAMPAIGN", "SERVICE", "PURCHASE", "CALL")).extract();
        seen.addAll(first.path("items.id"));
        Api.as(sales).queryParam("cursor", (String) first.path("nextCursor")).get(url + "?limit=4").then()
                .body("items.kind", contains("INQUIRY", "VISIT")).body("nextCursor", nullValue());
        Api.as(sales).body(Map.of("channelId", web, "kind", "MEETING", "occurredAt", "2025-01-01T00:00:00Z")).post(url)
                .then().statusCode(400).body("errors.field", contains("kind"));
        Api.as(sales).body(Map.of("channelId", web, "kind", "VISIT")).post(url)
                .then().statusCode(400).body("errors.field", contains("occurredAt"));
        Api.as(sales).body(Map.of("channelId", java.util.UUID.randomUUID().toString(), "kind", "VISIT", "occurredAt", "2025-01-01T00:00:00Z"))
                .post(url).then().statusCode(400).body("errors.field", contains("channelId"));
        Api.as(sales).body(Map.of("channelId", web, "kind", "VISIT", "occurredAt", "2025-01-01T00:00:00Z"))
                .post("/api/v1/customers/" + java.util.UUID.randomUUID() + "/touchpoints").then().statusCode(404);

        // First seen on the web at the back-dated January visit; the store from the April purchase.
        Api.as(sales).get("/api/v1/customers/" + id + "/360").then().statusCode(200)
                .body("channels.channelId", contains(web, store))
                .body("channels[0].firstSeenAt", equalTo("2025-01-15T09:30:00Z"))
                .body("channels[1].firstSeenAt", equalTo("2025-04-15T09:30:00Z"))
                .body("channels[1].lastSeenAt", equalTo("2025-06-15T09:30:00Z"))
                .body("channels[0].orderCount", equalTo(0)).body("channels[0].revenue", equalTo("0.00"));
    }

    @Test
    void rest360Shape() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "A", "DIRECT");
        String id = newCustomer(sales, ch, "Shape", "PHONE", "13912349101");
        Api.as(sales).get("/api/v1/customers/" + id + "/360").then().statusCode(200)
                .body("customer.id", equalTo(id)).body("identities[0].kind", equalTo("PHONE"))
                .body("identities[0].value", equalTo("+8613912349101"))
                .body("channels[0].channelId", equalTo(ch)).body("channels[0].firstSeenAt", notNullValue())
                .body("channels[0].lastSeenAt", notNullValue())
                .body("orders.count", equalTo(0)).body("orders.revenue", equalTo("0.00"))
                .body("orders.averageOrderValue", equalTo("0.00")).body("orders", hasKey("firstOrderAt"))
                .body("orders", hasKey("lastOrderAt")).body("orders.recent", empty())
                .body("openLeads", empty()).body("recentTouchpoints", empty())
                .body("lifetimeValue", equalTo("0.00")).body("repeatCustomer", equalTo(false));
    }
}
