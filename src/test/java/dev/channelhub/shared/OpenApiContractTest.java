package dev.channelhub.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client generator needs from the committed OpenAPI document (ContractFilesTest keeps it equal to what the
 * server serves): a unique operationId and a description on every operation, described tags, servers, a license,
 * the project's version, and problem+json bodies on 401/403. Plain JUnit: it reads the file, no server.
 */
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");

    private final JsonNode doc = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("openapi/openapi.json is unreadable", e);
        }
    }

    /** "GET /api/v1/channels" → the operation's JSON. */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> ops = new HashMap<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                ops.put(m.getKey().toUpperCase() + " " + path.getKey(), m.getValue());
            }
        }));
        assertFalse(ops.isEmpty(), "no operations in openapi/openapi.json");
        return ops;
    }

    @Test
    void everyOperationHasAUniqueCamelCaseOperationId() {
        List<String> missing = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        operations().forEach((op, json) -> {
            String id = json.path("operationId").asText("");
            if (id.isBlank()) {
                missing.add(op);
            } else if (!CAMEL_CASE.matcher(id).matches()) {
                problems.add(op + ": operationId '" + id + "' is not camelCase");
            } else if (seen.putIfAbsent(id, op) != null) {
                problems.add("operationId '" + id + "' is used by both " + seen.get(id) + " and " + op);
            }
        });
        assertTrue(missing.isEmpty(), "operations without operationId (add @Operation(operationId = ...), named like the "
                + "GraphQL field that does the same): " + missing);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyOperationIsDescribed() {
        List<String> missing = new ArrayList<>();
        operations().forEach((op, json) -> {
            if (json.path("description").asText("").isBlank() || json.path("summary").asText("").isBlank()) {
                missing.add(op);
            }
        });
        assertTrue(missing.isEmpty(), "operations without summary or description (@Operation(summary, description): what it "
                + "does, who may call it, which errors it gives): " + missing);
    }

    @Test
    void everyTagInUseIsDescribed() {
        Map<String, String> described = new HashMap<>();
        doc.path("tags").forEach(t -> described.put(t.path("name").asText(), t.path("description").asText("")));
        Set<String> undescribed = new HashSet<>();
        operations().values().forEach(json -> json.path("tags").forEach(t -> {
            if (described.getOrDefault(t.asText(), "").isBlank()) {
                undescribed.add(t.asText());
            }
        }));
        assertTrue(undescribed.isEmpty(), "tags without a description (use @Tag(name = ApiTags.X, description = ApiTags.X_TEXT)): "
                + undescribed);
    }

    @Test
    void authenticationAndRoleErrorsAreProblemDetails() {
        List<String> bare = new ArrayList<>();
        operations().forEach((op, json) -> {
            for (String status : List.of("401", "403")) {
                JsonNode response = json.path("responses").path(status);
                if (op.contains(" /api/") && response.path("content").path("application/problem+json").isMissingNode()) {
                    bare.add(op + " " + status);
                }
            }
        });
        assertTrue(bare.isEmpty(), "401/403 without an application/problem+json body: " + bare);
    }

    @Test
    void documentNamesItsServersLicenseAndTheProjectVersion() throws Exception {
        assertTrue(doc.path("servers").size() > 0 && !doc.path("servers").get(0).path("url").asText("").isBlank(), "servers");
        assertEquals("Apache-2.0", doc.path("info").path("license").path("name").asText(), "info.license.name");
        assertFalse(doc.path("info").path("license").path("url").asText("").isBlank(), "info.license.url");
        assertEquals(projectVersion(), doc.path("info").path("version").asText(), "info.version must be the version in pom.xml");
    }

    // ---- what a generator needs of bodies ----

    @Test
    void everySuccessfulAnswerHasATypedBody() {
        List<String> untyped = new ArrayList<>();
        operations().forEach((op, json) -> json.path("responses").fields().forEachRemaining(r -> {
            if (!r.getKey().startsWith("2") || r.getKey().equals("204")) {
                return;
            }
            JsonNode content = r.getValue().path("content");
            if (content.isEmpty()) {
                untyped.add(op + " " + r.getKey() + " (no content)");
            }
            content.fields().forEachRemaining(m -> {
                JsonNode schema = m.getValue().path("schema");
                if (schema.isMissingNode() || schema.isEmpty()) {
                    untyped.add(op + " " + r.getKey() + " " + m.getKey());
                }
            });
        }));
        assertTrue(untyped.isEmpty(), "2xx answers without a typed body (return RestResponse<T> or declare "
                + "@APIResponse(content = @Content(schema = @Schema(implementation = X.class)))): " + untyped);
    }

    @Test
    void moneyAndEveryDecimalIsAString() {
        JsonNode decimal = doc.path("components").path("schemas").path("Decimal");
        assertEquals("string", decimal.path("type").asText(), "the Decimal schema (every BigDecimal) is a string");
        assertFalse(decimal.path("pattern").asText("").isBlank(), "Decimal has a pattern");
        assertTrue(decimal.path("examples").size() > 0, "Decimal has an example");
        List<String> numbers = new ArrayList<>();
        walk(doc, "#", (where, node) -> {
            JsonNode type = node.get("type");
            if (type != null && (type.asText().equals("number") || (type.isArray() && type.toString().contains("\"number\"")))) {
                numbers.add(where);
            }
        });
        assertTrue(numbers.isEmpty(), "binary-float numbers in the document (money and every BigDecimal travel as decimal "
                + "strings): " + numbers);
        List<String> money = new ArrayList<>();
        doc.path("components").path("schemas").fields().forEachRemaining(s -> s.getValue().path("properties").fields()
                .forEachRemaining(p -> {
                    if (MONEY.matcher(p.getKey()).matches() && !isDecimalString(p.getValue())) {
                        money.add(s.getKey() + "." + p.getKey());
                    }
                }));
        assertTrue(money.isEmpty(), "money fields that are not decimal strings: " + money);
    }

    /** Money by name: prices, amounts, totals, credit, revenue, balances, and values such as lifetimeValue. */
    private static final Pattern MONEY = Pattern.compile(
            "(?i:.*(price|amount|total|creditlimit|credit|revenue|outstanding|receivables|overdue|floor)|paid.*)|.+Value");

    /** A money-named property is the Decimal schema or a string with a decimal pattern (counts named alike are integers). */
    private boolean isDecimalString(JsonNode property) {
        List<JsonNode> alternatives = new ArrayList<>();
        alternatives.add(property);
        property.path("anyOf").forEach(alternatives::add);
        for (JsonNode alt : alternatives) {
            if (alt.path("$ref").asText().endsWith("/Decimal")) {
                return true;
            }
        }
        String type = property.path("type").toString();
        if (type.contains("\"string\"")) {
            return !property.path("pattern").asText("").isBlank();
        }
        return !type.contains("number") && (property.has("type") || property.has("$ref") || property.has("anyOf"));
    }

    @Test
    void answerSchemasListTheirRequiredProperties() {
        List<String> missing = new ArrayList<>();
        for (String name : reachable("responses")) {
            JsonNode schema = doc.path("components").path("schemas").path(name);
            if (schema.path("properties").size() > 0 && schema.path("required").isEmpty()) {
                missing.add(name);
            }
            schema.path("required").forEach(r -> {
                if (!schema.path("properties").has(r.asText())) {
                    missing.add(name + " requires the undeclared " + r.asText());
                }
            });
        }
        assertTrue(missing.isEmpty(), "answer schemas without required (SchemaShapes could not find their record?): " + missing);
    }

    // ---- Redocly's recommended structural rules, as plain checks ----

    @Test
    void pathsAreNeitherIdenticalNorAmbiguous() {
        List<String> paths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        List<String> problems = new ArrayList<>();
        Map<String, String> normalized = new HashMap<>();
        for (String p : paths) {
            String shape = p.replaceAll("\\{[^}]*}", "{}");
            String other = normalized.putIfAbsent(shape, p);
            if (other != null) {
                problems.add("no-identical-paths: " + other + " and " + p);
            }
            if (p.length() > 1 && p.endsWith("/")) {
                problems.add("no-path-trailing-slash: " + p);
            }
        }
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (ambiguous(paths.get(i), paths.get(j))) {
                    problems.add("no-ambiguous-paths: " + paths.get(i) + " and " + paths.get(j));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Same length, every segment compatible, and each path has a literal where the other has a template. */
    private static boolean ambiguous(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        if (x.length != y.length) {
            return false;
        }
        boolean xMoreLiteral = false;
        boolean yMoreLiteral = false;
        for (int k = 0; k < x.length; k++) {
            boolean xt = x[k].startsWith("{");
            boolean yt = y[k].startsWith("{");
            if (!xt && !yt && !x[k].equals(y[k])) {
                return false;
            }
            xMoreLiteral |= !xt && yt;
            yMoreLiteral |= xt && !yt;
        }
        return xMoreLiteral && yMoreLiteral;
    }

    @Test
    void operationsAreWellFormed() {
        List<String> problems = new ArrayList<>();
        Set<String> tags = new HashSet<>();
        doc.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        Set<String> schemes = new HashSet<>();
        doc.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        doc.path("paths").fields().forEachRemaining(path -> {
            Set<String> templated = new HashSet<>();
            Matcher m = Pattern.compile("\\{([^}]*)}").matcher(path.getKey());
            while (m.find()) {
                if (m.group(1).isBlank()) {
                    problems.add("path-declaration-must-exist: " + path.getKey());
                }
                templated.add(m.group(1));
            }
            path.getValue().fields().forEachRemaining(e -> {
                if (!METHODS.contains(e.getKey())) {
                    return;
                }
                String op = e.getKey().toUpperCase() + " " + path.getKey();
                JsonNode json = e.getValue();
                Set<String> declared = new HashSet<>();
                Set<String> seen = new HashSet<>();
                List<JsonNode> params = new ArrayList<>();
                path.getValue().path("parameters").forEach(params::add);
                json.path("parameters").forEach(params::add);
                for (JsonNode p : params) {
                    if (!seen.add(p.path("in").asText() + ":" + p.path("name").asText()) && json.path("parameters").has(0)) {
                        problems.add("operation-parameters-unique: " + op + " " + p.path("name").asText());
                    }
                    if (p.path("in").asText().equals("path")) {
                        declared.add(p.path("name").asText());
                        if (!p.path("required").asBoolean(false)) {
                            problems.add("path-params-required: " + op + " {" + p.path("name").asText() + "}");
                        }
                    }
                }
                if (!declared.equals(templated)) {
                    problems.add("path-parameters-defined: " + op + " declares " + declared + " for " + templated);
                }
                boolean has2xx = false;
                boolean has4xx = false;
                for (var it = json.path("responses").fieldNames(); it.hasNext(); ) {
                    String code = it.next();
                    has2xx |= code.startsWith("2");
                    has4xx |= code.startsWith("4");
                }
                if (!has2xx) {
                    problems.add("operation-2xx-response: " + op);
                }
                if (!has4xx) {
                    problems.add("operation-4xx-response: " + op);
                }
                json.path("tags").forEach(t -> {
                    if (!tags.contains(t.asText())) {
                        problems.add("operation-tag-defined: " + op + " tag " + t.asText());
                    }
                });
                JsonNode security = json.has("security") ? json.path("security") : doc.path("security");
                if (op.contains(" /api/") && security.isEmpty()) {
                    problems.add("security-defined: " + op + " has no security requirement");
                }
                security.forEach(req -> req.fieldNames().forEachRemaining(name -> {
                    if (!schemes.contains(name)) {
                        problems.add("security-defined: " + op + " names the undefined scheme " + name);
                    }
                }));
            });
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        walk(doc, "#", (where, node) -> {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && doc.at(ref.asText().substring(1)).isMissingNode()) {
                broken.add(where + " -> " + ref.asText());
            }
        });
        assertTrue(broken.isEmpty(), "no-unresolved-refs: " + broken);
    }

    private Set<String> reachable(String side) {
        Set<String> names = new HashSet<>();
        List<JsonNode> todo = new ArrayList<>();
        operations().values().forEach(op -> todo.add(op.path(side)));
        while (!todo.isEmpty()) {
            JsonNode node = todo.remove(todo.size() - 1);
            walk(node, "", (where, n) -> {
                String ref = n.path("$ref").asText("");
                if (ref.startsWith("#/components/schemas/") && names.add(ref.substring(21))) {
                    todo.add(doc.path("components").path("schemas").path(ref.substring(21)));
                }
            });
        }
        return names;
    }

    private static void walk(JsonNode node, String where, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(where, node);
            node.fields().forEachRemaining(e -> walk(e.getValue(), where + "/" + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, visit);
            }
        }
    }

    private static String projectVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>channelhub</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the project's <version> in pom.xml");
        return m.group(1).trim();
    }
}
