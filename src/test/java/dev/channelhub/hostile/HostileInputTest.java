package dev.channelhub.hostile;

import dev.channelhub.support.InvalidRequests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every operation of the committed openapi/openapi.json and sends it hostile input: malformed and
 * mistyped bodies, huge strings, deep nesting, bad ids, bad query parameters, no token and weak roles.
 * Nothing may answer 5xx, every error must be problem+json with a contract code, and the attacking
 * tenant must own no rows afterwards.
 */
@QuarkusTest
class HostileInputTest {

    private static final Set<String> CODES = Set.of("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION_FAILED",
            "VERSION_CONFLICT", "DUPLICATE", "INVALID_TRANSITION", "INSUFFICIENT_STOCK", "CREDIT_LIMIT_EXCEEDED",
            "PRICE_BELOW_FLOOR", "NO_PRICE", "OVERPAYMENT", "DEAL_CONFLICT", "IDEMPOTENCY_KEY_REUSED");
    private static final String HUGE = "x".repeat(100_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Test
    @InvalidRequests("hostile input on every operation, by design")
    void everyOperationSurvivesHostileInput() throws Exception {
        JsonNode spec = JSON.readTree(Files.readString(Path.of("openapi/openapi.json")));
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String sales = Tokens.token(tenant, "sales");
        String partner = Tokens.partner(tenant, UUID.randomUUID().toString());
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                attack(spec, path.getKey(), method, op.getValue(), admin, sales, partner);
            }
        }
        assertTrue(requests > 20, "the walk sent only " + requests + " requests");
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " hostile requests misbehaved:\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
        assertEquals(List.of(), tablesWithRowsOf(tenant), "hostile requests wrote rows");
    }

    private void attack(JsonNode spec, String template, String method, JsonNode op, String admin, String sales, String partner) {
        List<String> queryParams = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asText())) {
                queryParams.add(p.path("name").asText());
            }
        }
        JsonNode bodySchema = resolve(spec, op.path("requestBody").path("content").path("application/json").path("schema"));
        String uuidPath = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        String badPath = template.replaceAll("\\{[^}]+}", "not-an-id");
        String hugePath = template.replaceAll("\\{[^}]+}", "y".repeat(3000));

        send(null, method, uuidPath, "{}", Map.of(), true);
        List<String> bodies = hostileBodies(spec, bodySchema);
        for (String body : bodies) {
            send(admin, method, uuidPath, body, Map.of(), false);
        }
        send(admin, method, badPath, "{}", Map.of(), false);
        send(admin, method, hugePath, "{}", Map.of(), false);
        for (String q : queryParams) {
            for (String v : List.of("%%%", "-1", "NOPE_NOT_AN_ENUM", "99999999999999999999", "2026-13-45", HUGE.substring(0, 5000))) {
                send(admin, method, uuidPath, "{}", Map.of(q, v), false);
            }
        }
        if (!"GET".equals(method)) {
            send(sales, method, uuidPath, bodies.isEmpty() ? "{}" : bodies.get(bodies.size() - 1), Map.of(), false);
            send(partner, method, uuidPath, "{}", Map.of(), false);
        }
    }

    private List<String> hostileBodies(JsonNode spec, JsonNode schema) {
        List<String> bodies = new ArrayList<>(List.of("{", "[]", "\"text\"", "null", "{\"a\":" + "[".repeat(300) + "]".repeat(300) + "}",
                "{\"x\":\"" + HUGE + "\"}"));
        if (schema == null || !schema.has("properties")) {
            return bodies;
        }
        Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> prop = props.next();
            JsonNode p = resolve(spec, prop.getValue());
            String type = p == null ? "" : p.path("type").asText("");
            for (Object bad : badValuesFor(type, p)) {
                ObjectNode body = JSON.createObjectNode();
                body.set(prop.getKey(), JSON.valueToTree(bad));
                bodies.add(body.toString());
            }
        }
        return bodies;
    }

    private static List<Object> badValuesFor(String type, JsonNode p) {
        List<Object> values = new ArrayList<>(List.of(Map.of("nested", Map.of("deep", List.of(1, 2))), List.of("a", "b")));
        switch (type) {
            case "integer", "number" -> values.addAll(List.of("lots", -1, -999999999, new java.math.BigDecimal("1e30"), 1.5, HUGE));
            case "array" -> values.addAll(List.of("not-a-list", List.of(Map.of("sku", HUGE, "quantity", -5)),
                    List.of(Map.of("quantity", "many")), List.of(Map.of("kind", "NOPE", "value", ""))));
            case "object" -> values.addAll(List.of("not-an-object", 42));
            case "boolean" -> values.addAll(List.of("maybe", 7));
            default -> values.addAll(List.of(12345, HUGE, "NOPE_NOT_AN_ENUM", "", "not-a-uuid", "2026-99-99T99:99:99Z"));
        }
        if (p != null && p.has("enum")) {
            values.add("NOPE_NOT_AN_ENUM");
        }
        return values;
    }

    private static JsonNode resolve(JsonNode spec, JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return null;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return spec.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.get("allOf").size() > 0) {
            return resolve(spec, schema.get("allOf").get(0));
        }
        return schema;
    }

    private void send(String token, String method, String path, String body, Map<String, String> query, boolean expect401) {
        requests++;
        RequestSpecification spec = RestAssured.given().urlEncodingEnabled(true).contentType("application/json").body(body);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        query.forEach(spec::queryParam);
        Response r;
        try {
            r = spec.request(method, path);
        } catch (Exception e) {
            failures.add(method + " " + path + " transport failure: " + e);
            return;
        }
        int status = r.statusCode();
        String what = method + " " + shorten(path) + " " + query.keySet() + " body=" + shorten(body) + " as " + (token == null ? "anonymous" : "token");
        if (status >= 500) {
            failures.add(status + " " + what + " -> " + shorten(r.asString()));
            return;
        }
        if (expect401 && status != 401) {
            failures.add("expected 401, got " + status + " for " + what);
            return;
        }
        if (status >= 400) {
            String ct = r.contentType() == null ? "" : r.contentType();
            String code = ct.contains("json") ? r.jsonPath().getString("code") : null;
            if (!ct.startsWith("application/problem+json") || code == null || !CODES.contains(code)) {
                failures.add(status + " without a coded problem+json (" + ct + ", code " + code + ") for " + what);
            }
            if (r.asString().contains("Exception") || r.asString().contains("dev.channelhub.")) {
                failures.add(status + " leaks internals for " + what + ": " + shorten(r.asString()));
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    private List<String> tablesWithRowsOf(String tenant) {
        List<String> tables = pool.query("select table_name from information_schema.columns where column_name = 'tenant_id' "
                        + "and table_schema = 'public'").execute().await().indefinitely()
                .stream().map(row -> row.getString(0)).toList();
        List<String> dirty = new ArrayList<>();
        for (String table : tables) {
            Row row = pool.preparedQuery("select count(*) from \"" + table + "\" where tenant_id = $1")
                    .execute(Tuple.of(tenant)).await().indefinitely().iterator().next();
            if (row.getLong(0) > 0) {
                dirty.add(table + "=" + row.getLong(0));
            }
        }
        return dirty;
    }

}
