package dev.channelhub.shared;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GraphQL twins of what was REST-only (parity.txt): each answers what its REST operation answers, because both call
 * the same service. Roles, other tenants and other partners are walked for every one of them by the authorization
 * matrix; here: the happy paths, versions, idempotency and the coded errors.
 */
@QuarkusTest
class GraphQLTwinsTest {

    final String tenant = Tokens.newTenant();
    final String admin = Tokens.token(tenant, "admin");
    final String otherAdmin = Tokens.token(Tokens.newTenant(), "admin");

    private static JsonPath ok(String token, String document, Map<String, Object> vars) {
        return Api.graphql(token, document, vars).then().statusCode(200).body("errors", nullValue()).extract().jsonPath();
    }

    private static String code(String token, String document, Map<String, Object> vars) {
        return Api.graphql(token, document, vars).then().statusCode(200).extract().path("errors[0].extensions.code");
    }

    @Test
    void priceListEntriesPageAndReplaceLikeRest() {
        for (String sku : List.of("A-1", "B-1", "C-1")) {
            Api.as(admin).body(Map.of("sku", sku, "name", sku)).post("/api/v1/products").then().statusCode(201);
        }
        String pl = Api.as(admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries",
                        List.of(Map.of("sku", "A-1", "price", "10.00"), Map.of("sku", "B-1", "price", "20.00"),
                                Map.of("sku", "B-1", "price", "18.00", "minQuantity", 10))))
                .post("/api/v1/price-lists").then().statusCode(201).extract().path("id");
        String page = "query($id: ID!, $after: String) { priceListEntries(id: $id, first: 2, after: $after) { "
                + "edges { cursor node { sku minQuantity } } pageInfo { hasNextPage endCursor } } }";
        JsonPath first = ok(admin, page, Map.of("id", pl));
        assertEquals(List.of("A-1", "B-1"), first.getList("data.priceListEntries.edges.node.sku"));
        assertEquals(true, first.getBoolean("data.priceListEntries.pageInfo.hasNextPage"));
        // The GraphQL cursor is the REST cursor: the REST page after it is the GraphQL one.
        String after = first.getString("data.priceListEntries.pageInfo.endCursor");
        Map<String, Object> vars = new HashMap<>(Map.of("id", pl, "after", after));
        JsonPath second = ok(admin, page, vars);
        assertEquals(List.of(10), second.getList("data.priceListEntries.edges.node.minQuantity"));
        Api.as(admin).queryParam("limit", 2).queryParam("cursor", after).get("/api/v1/price-lists/" + pl + "/entries").then()
                .statusCode(200).body("items.minQuantity", equalTo(List.of(10))).body("nextCursor", nullValue());

        int version = Api.as(admin).get("/api/v1/price-lists/" + pl).then().extract().path("version");
        String replace = "mutation($id: ID!, $v: Int) { replacePriceListEntries(id: $id, version: $v, input: {replace: true, "
                + "entries: [{sku: \"C-1\", price: \"7.25\"}]}) { id version } }";
        assertEquals("VERSION_CONFLICT", code(admin, replace, Map.of("id", pl, "v", version + 5)));
        assertEquals(version + 1, ok(admin, replace, Map.of("id", pl, "v", version)).getInt("data.replacePriceListEntries.version"));
        String price = Api.as(admin).get("/api/v1/price-lists/" + pl + "/entries").then().statusCode(200)
                .body("items.sku", equalTo(List.of("C-1"))).extract().path("items[0].price");
        assertEquals(0, new BigDecimal(price).compareTo(new BigDecimal("7.25")), price);
        // Another tenant's list does not exist for it, and nothing of it changes.
        assertEquals("NOT_FOUND", code(otherAdmin, page, Map.of("id", pl)));
        assertEquals("NOT_FOUND", code(otherAdmin, replace, Map.of("id", pl, "v", version + 1)));
        Api.as(admin).get("/api/v1/price-lists/" + pl).then().body("version", equalTo(version + 1));
    }

    @Test
    void onePromotionOneRoutingRuleAndAThresholdReadLikeRest() {
        String channel = Api.as(admin).body(Map.of("code", "D", "name", "D", "type", "DIRECT")).post("/api/v1/channels").then()
                .statusCode(201).extract().path("id");
        String promo = Api.as(admin).body(Map.of("code", "P10", "kind", "PERCENT_OFF", "value", "10",
                "scope", Map.of("channelIds", List.of(channel)))).post("/api/v1/promotions").then().statusCode(201).extract().path("id");
        JsonPath p = ok(admin, "query($id: ID!) { promotion(id: $id) { id code kind version } }", Map.of("id", promo));
        assertEquals("P10", p.getString("data.promotion.code"));
        assertEquals("PERCENT_OFF", p.getString("data.promotion.kind"));
        assertEquals("NOT_FOUND", code(otherAdmin, "query($id: ID!) { promotion(id: $id) { id } }", Map.of("id", promo)));

        String rule = Api.as(admin).body(Map.of("priority", 7, "match", Map.of("regions", List.of("EAST")),
                "target", Map.of("channelId", channel))).post("/api/v1/lead-routing-rules").then().statusCode(201).extract().path("id");
        JsonPath r = ok(admin, "query($id: ID!) { leadRoutingRule(id: $id) { id priority target { channelId } } }", Map.of("id", rule));
        assertEquals(7, r.getInt("data.leadRoutingRule.priority"));
        assertEquals(channel, r.getString("data.leadRoutingRule.target.channelId"));
        assertEquals("NOT_FOUND", code(otherAdmin, "query($id: ID!) { leadRoutingRule(id: $id) { id } }", Map.of("id", rule)));

        Api.as(admin).body(Map.of("sku", "T-1", "name", "T")).post("/api/v1/products").then().statusCode(201);
        String threshold = "query($sku: String!) { stockThreshold(sku: $sku) { sku threshold version } }";
        assertEquals("NOT_FOUND", code(admin, threshold, Map.of("sku", "T-1")));
        Api.as(admin).body(Map.of("threshold", 12)).put("/api/v1/analytics/inventory/thresholds/T-1").then().statusCode(200);
        assertEquals(12, ok(admin, threshold, Map.of("sku", "T-1")).getInt("data.stockThreshold.threshold"));
        assertEquals("FORBIDDEN", code(Tokens.token(tenant, "sales"), threshold, Map.of("sku", "T-1")));
        assertEquals("NOT_FOUND", code(otherAdmin, threshold, Map.of("sku", "T-1")));
    }

    @Test
    void customerHistoryIsTheRestHistory() {
        String channel = Api.as(admin).body(Map.of("code", "D", "name", "D", "type", "DIRECT")).post("/api/v1/channels").then()
                .statusCode(201).extract().path("id");
        String customer = Api.as(admin).body(Map.of("channelId", channel, "identities",
                        List.of(Map.of("kind", "EMAIL", "value", "h@x.test")))).post("/api/v1/customers/identify").then()
                .statusCode(201).extract().path("customer.id");
        Api.as(admin).body(Map.of("name", "Renamed")).patch("/api/v1/customers/" + customer).then().statusCode(200);
        List<String> rest = Api.as(admin).get("/api/v1/customers/" + customer + "/history").then().statusCode(200)
                .extract().path("items.action");
        JsonPath g = ok(admin, "query($id: ID!) { customerHistory(id: $id) { edges { node { action actor occurredAt } } } }",
                Map.of("id", customer));
        assertEquals(rest, g.getList("data.customerHistory.edges.node.action"));
        assertTrue(rest.size() >= 2, "created and updated: " + rest);
        assertEquals("NOT_FOUND", code(otherAdmin, "query($id: ID!) { customerHistory(id: $id) { edges { cursor } } }",
                Map.of("id", customer)));
    }

    @Test
    void webhooksThroughGraphQL() {
        String integration = Tokens.token(tenant, "integration");
        String create = "mutation($key: String, $url: String!) { createWebhook(idempotencyKey: $key, input: {url: $url, "
                + "events: [\"order.*\"]}) { id version status secret events } }";
        JsonPath created = ok(integration, create, Map.of("key", "wh-1", "url", "https://example.invalid/hook"));
        String id = created.getString("data.createWebhook.id");
        assertTrue(created.getString("data.createWebhook.secret").startsWith("whsec_"), "the secret is shown once");
        // The same key and input: the same webhook, without the secret; the same key, another input: refused.
        JsonPath again = ok(integration, create, Map.of("key", "wh-1", "url", "https://example.invalid/hook"));
        assertEquals(id, again.getString("data.createWebhook.id"));
        assertEquals(null, again.getString("data.createWebhook.secret"));
        assertEquals("IDEMPOTENCY_KEY_REUSED", code(integration, create, Map.of("key", "wh-1", "url", "https://example.invalid/other")));
        assertEquals("VALIDATION_FAILED", code(integration, create, Map.of("url", "http://10.1.2.3/x")));
        assertEquals("FORBIDDEN", code(Tokens.token(tenant, "manager"), create, Map.of("url", "https://example.invalid/m")));

        JsonPath one = ok(Tokens.token(tenant, "manager"), "query($id: ID!) { webhook(id: $id) { id url secret version } }", Map.of("id", id));
        assertEquals("https://example.invalid/hook", one.getString("data.webhook.url"));
        assertEquals(null, one.getString("data.webhook.secret"));
        Api.as(integration).get("/api/v1/webhooks").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        assertEquals(List.of(id), ok(integration, "{ webhooks { edges { node { id } } } }", Map.of()).getList("data.webhooks.edges.node.id"));

        String update = "mutation($id: ID!, $v: Int) { updateWebhook(id: $id, version: $v, input: {url: \"https://example.invalid/v2\"}) "
                + "{ url version } }";
        assertEquals("VERSION_CONFLICT", code(integration, update, Map.of("id", id, "v", 9)));
        assertEquals(2, ok(integration, update, Map.of("id", id, "v", 1)).getInt("data.updateWebhook.version"));
        Api.as(integration).get("/api/v1/webhooks/" + id).then().body("url", equalTo("https://example.invalid/v2"));

        assertEquals(0, ok(integration, "query($id: ID!) { webhookDeliveries(id: $id) { edges { node { id } } } }", Map.of("id", id))
                .getList("data.webhookDeliveries.edges").size());
        assertEquals("VALIDATION_FAILED", code(integration, "mutation($id: ID!) { replayWebhook(id: $id, from: \"yesterday\") { replayed } }",
                Map.of("id", id)));
        JsonPath replay = ok(integration, "mutation($id: ID!) { replayWebhook(id: $id, from: \"0\") { webhookId replayed } }", Map.of("id", id));
        assertEquals(id, replay.getString("data.replayWebhook.webhookId"));

        assertEquals("NOT_FOUND", code(otherAdmin, "mutation($id: ID!) { deleteWebhook(id: $id) }", Map.of("id", id)));
        assertEquals(true, ok(integration, "mutation($id: ID!) { deleteWebhook(id: $id) }", Map.of("id", id)).getBoolean("data.deleteWebhook"));
        assertEquals("NOT_FOUND", code(integration, "query($id: ID!) { webhook(id: $id) { id } }", Map.of("id", id)));
        Api.as(integration).get("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void anInlineImportRunsLikeAnUpload() throws InterruptedException {
        String integration = Tokens.token(tenant, "integration");
        String submit = "mutation($key: String, $content: String!) { submitImport(kind: \"products\", format: \"ndjson\", "
                + "content: $content, idempotencyKey: $key) { id status kind } }";
        String rows = "{\"sku\":\"IMP-1\",\"name\":\"One\"}\n{\"name\":\"no sku\"}\n{\"sku\":\"IMP-2\",\"name\":\"Two\"}\n";
        JsonPath job = ok(integration, submit, Map.of("key", "imp-1", "content", rows));
        String id = job.getString("data.submitImport.id");
        assertEquals("PENDING", job.getString("data.submitImport.status"));
        assertEquals(id, ok(integration, submit, Map.of("key", "imp-1", "content", rows)).getString("data.submitImport.id"),
                "the same key and rows: the same job");
        assertEquals("IDEMPOTENCY_KEY_REUSED", code(integration, submit, Map.of("key", "imp-1", "content", rows + rows)));
        assertEquals("FORBIDDEN", code(Tokens.token(tenant, "sales"), submit, Map.of("content", rows)));
        assertEquals("VALIDATION_FAILED", code(integration, submit.replace("\"ndjson\"", "\"xml\""), Map.of("content", rows)));

        String read = "query($id: ID!) { importJob(id: $id) { id status processed succeeded failed errors { line field code } } }";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath done;
        do {
            Thread.sleep(100);
            done = ok(integration, read, Map.of("id", id));
        } while (!List.of("COMPLETED", "FAILED").contains(done.getString("data.importJob.status")) && System.nanoTime() < deadline);
        assertEquals("COMPLETED", done.getString("data.importJob.status"));
        assertEquals(2, done.getInt("data.importJob.succeeded"));
        assertEquals(1, done.getInt("data.importJob.failed"));
        assertEquals(2, done.getInt("data.importJob.errors[0].line"));
        Api.as(admin).get("/api/v1/products/IMP-2").then().statusCode(200);
        Api.as(integration).get("/api/v1/imports/jobs/" + id).then().statusCode(200).body("succeeded", equalTo(2));
        assertEquals(List.of(id), ok(Tokens.token(tenant, "manager"), "{ importJobs { edges { node { id } } } }", Map.of())
                .getList("data.importJobs.edges.node.id"));
        assertEquals("NOT_FOUND", code(otherAdmin, read, Map.of("id", id)));
        assertNotEquals(null, id);
    }
}
