package dev.channelhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks every REST call of the suite against the committed {@code openapi/openapi.json}: the path and method exist,
 * the request's JSON body, required parameters and content type match the operation, and the answer's status,
 * content type, body (JSON Schema 2020-12, the dialect of OpenAPI 3.1) and required headers are documented. Installed
 * once for all tests by {@link OpenApiValidationCallback}; one violation fails the test. A test that sends invalid
 * requests on purpose says so with {@link InvalidRequests}: its requests are not checked, its answers still are.
 */
public final class OpenApiValidation implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BODYLESS = Set.of("GET", "DELETE", "HEAD", "OPTIONS");
    private static final OpenApiValidation INSTANCE = new OpenApiValidation(Path.of("openapi/openapi.json"));
    private static final List<String> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());
    private static volatile boolean checkRequests = true;

    private final JsonNode doc;
    private final List<Route> routes = new ArrayList<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private record Route(String template, Pattern pattern, int literalChars, JsonNode item) {
    }

    OpenApiValidation(Path file) {
        try {
            doc = JSON.readTree(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("openapi/openapi.json is unreadable", e);
        }
        doc.path("paths").fields().forEachRemaining(p -> {
            String template = p.getKey();
            String regex = "^" + Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "$";
            routes.add(new Route(template, Pattern.compile(regex), template.replaceAll("\\{[^}/]+}", "").length(), p.getValue()));
        });
        // The most literal template wins (/imports/jobs before /imports/{id}), as JAX-RS matches.
        routes.sort(Comparator.comparingInt(Route::literalChars).reversed());
    }

    /** Adds the filter to REST Assured's global filters (once). */
    public static void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    /** Set before each test: false while a test annotated {@link InvalidRequests} runs. */
    static void checkRequests(boolean on) {
        checkRequests = on;
    }

    /** The violations seen since the last call, which clears them. */
    static List<String> drainViolations() {
        synchronized (VIOLATIONS) {
            List<String> out = List.copyOf(VIOLATIONS);
            VIOLATIONS.clear();
            return out;
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        if (!path.startsWith("/api/")) {
            return response;
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (method.equals("OPTIONS") && request.getHeaders().hasHeaderWithName("Access-Control-Request-Method")) {
            // A CORS preflight is answered by the HTTP layer before any resource; it is no API operation to document.
            return response;
        }
        String call = method + " " + path;
        List<String> problems = new ArrayList<>();
        Route route = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst().orElse(null);
        JsonNode op = route == null ? null : route.item().get(method.toLowerCase(Locale.ROOT));
        if (op == null && !checkRequests) {
            // A test that calls a path or method outside the document on purpose (@InvalidRequests): there is no
            // operation whose answers could be checked.
            return response;
        }
        if (op == null) {
            problems.add("no operation " + (route == null ? call : method + " " + route.template()) + " in openapi.json");
        } else {
            String where = method + " " + route.template();
            if (checkRequests) {
                checkRequest(where, op, request, problems);
            }
            checkResponse(where, op, response, problems);
        }
        if (!problems.isEmpty()) {
            String message = call + " (status " + response.statusCode() + ") breaks openapi/openapi.json:\n  - "
                    + String.join("\n  - ", problems) + "\n  answer: " + abbreviate(response.asString());
            VIOLATIONS.add(message);
            throw new AssertionError(message);
        }
        return response;
    }

    private void checkRequest(String where, JsonNode op, FilterableRequestSpecification request, List<String> problems) {
        for (JsonNode p : op.path("parameters")) {
            if (!p.path("required").asBoolean(false)) {
                continue;
            }
            String name = p.path("name").asText();
            boolean present = switch (p.path("in").asText()) {
                case "query" -> request.getQueryParams().containsKey(name) || request.getRequestParams().containsKey(name);
                case "header" -> request.getHeaders().hasHeaderWithName(name);
                default -> true;
            };
            if (!present) {
                problems.add("request: required " + p.path("in").asText() + " parameter '" + name + "' is missing");
            }
        }
        Object body = request.getBody();
        JsonNode requestBody = op.path("requestBody");
        boolean hasBody = body != null && !(body instanceof String s && s.isEmpty());
        if (!hasBody) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add("request: the operation requires a body and none was sent");
            }
            return;
        }
        if (requestBody.isMissingNode()) {
            problems.add("request: a body was sent but the operation declares none");
            return;
        }
        String contentType = baseType(request.getContentType());
        JsonNode media = mediaFor(requestBody.path("content"), contentType);
        if (media == null) {
            problems.add("request: content type " + contentType + " is not one of " + names(requestBody.path("content")));
            return;
        }
        if (isJson(contentType) && media.has("schema")) {
            JsonNode json;
            try {
                json = JSON.readTree(bodyText(body));
            } catch (Exception e) {
                problems.add("request: body is not JSON");
                return;
            }
            validate(where + " request " + contentType, media.get("schema"), json, "request", problems);
        }
    }

    private void checkResponse(String where, JsonNode op, Response response, List<String> problems) {
        String status = Integer.toString(response.statusCode());
        JsonNode declared = op.path("responses").get(status);
        if (declared == null) {
            declared = op.path("responses").get(status.charAt(0) + "XX");
        }
        if (declared == null) {
            declared = op.path("responses").get("default");
        }
        if (declared == null) {
            problems.add("response: status " + status + " is not documented (documented: " + names(op.path("responses")) + ")");
            return;
        }
        if (declared.has("$ref")) {
            // a shared answer under components/responses (RateLimited)
            declared = doc.at(declared.get("$ref").asText().substring(1));
        }
        declared.path("headers").fields().forEachRemaining(h -> {
            if (h.getValue().path("required").asBoolean(false) && response.getHeader(h.getKey()) == null) {
                problems.add("response: required header " + h.getKey() + " is missing");
            }
        });
        String text = response.asString();
        JsonNode content = declared.path("content");
        if (text == null || text.isEmpty()) {
            if (content.size() > 0 && response.statusCode() != 204) {
                problems.add("response: empty body where " + names(content) + " is documented");
            }
            return;
        }
        if (content.size() == 0) {
            problems.add("response: a body was sent where none is documented");
            return;
        }
        String contentType = baseType(response.getContentType());
        JsonNode media = mediaFor(content, contentType);
        if (media == null) {
            problems.add("response: content type " + contentType + " is not one of " + names(content));
            return;
        }
        if (isJson(contentType) && media.has("schema")) {
            JsonNode json;
            try {
                json = JSON.readTree(text);
            } catch (Exception e) {
                problems.add("response: body is not JSON");
                return;
            }
            validate(where + " " + status + " " + contentType, media.get("schema"), json, "response", problems);
        }
    }

    private void validate(String key, JsonNode schema, JsonNode json, String side, List<String> problems) {
        JsonSchema compiledSchema = compiled.computeIfAbsent(key, k -> {
            ObjectNode root = schema.deepCopy();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("components", doc.path("components"));
            return factory.getSchema(root, SchemaValidatorsConfig.builder().build());
        });
        for (ValidationMessage m : compiledSchema.validate(json)) {
            problems.add(side + ": " + m.getMessage());
        }
    }

    private static JsonNode mediaFor(JsonNode content, String contentType) {
        if (content.has(contentType)) {
            return content.get(contentType);
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) content::fields) {
            String declared = e.getKey();
            if (declared.equals("*/*") || (declared.endsWith("/*") && contentType.startsWith(declared.substring(0, declared.length() - 1)))) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String baseType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/json";
        }
        return contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String contentType) {
        return contentType.equals("application/json") || contentType.endsWith("+json");
    }

    private static String bodyText(Object body) throws Exception {
        if (body instanceof String s) {
            return s;
        }
        if (body instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        return JSON.writeValueAsString(body);
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
