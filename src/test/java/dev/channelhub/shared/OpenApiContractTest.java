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

    private static String projectVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>channelhub</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the project's <version> in pom.xml");
        return m.group(1).trim();
    }
}
