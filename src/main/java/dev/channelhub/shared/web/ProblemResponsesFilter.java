package dev.channelhub.shared.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * Documents the contract's error answers on every operation: a Problem schema (RFC 9457 + code + errors[])
 * and the statuses any /api/v1 call can answer with, plus the Idempotency-Key header on creates.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /**
     * Schemas with a top-level {@code version} that is not the answer's own: reports about a versioned resource
     * (PolicyReach: the policy version its counts are for; the counts change while it stays). No ETag on them.
     */
    private static final java.util.Set<String> NOT_VERSIONED = java.util.Set.of("PolicyReach");
    /** Schemas with a top-level version: one resource whose answers carry an ETag. */
    private final java.util.Set<String> versionedSchemas = new java.util.HashSet<>();
    /** Schemas with a top-level version, reports included: a request body of one names the version it expects. */
    private final java.util.Set<String> withVersion = new java.util.HashSet<>();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        versionedSchemas.clear();
        withVersion.clear();
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().forEach((name, schema) -> {
                if (schema.getProperties() != null && schema.getProperties().containsKey("version")) {
                    withVersion.add(name);
                }
                if (schema.getProperties() != null && schema.getProperties().containsKey("version") && !name.startsWith("Page")
                        && !NOT_VERSIONED.contains(name)) {
                    versionedSchemas.add(name);
                }
            });
        }
        Schema fieldError = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
        Schema problem = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details with the contract's stable code")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("code", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .enumeration(java.util.Arrays.stream(dev.channelhub.shared.error.ErrorCode.values()).map(c -> (Object) c.name()).toList()))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(fieldError))
                .addProperty("requestId", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                // Problem is @JsonInclude(NON_EMPTY): detail, errors and requestId are left out when empty, never null.
                .required(List.of("type", "title", "status", "code"));
        fieldError.required(List.of("field", "message"));
        openAPI.getComponents().addSchema("Problem", problem);
        DescriptionsOpenApiFilter.describe("Problem", problem); // texts from contract/descriptions (it runs after that filter)
        var rateLimited = OASFactory.createAPIResponse()
                .description("Over the tenant's or the partner channel's request rate (RATE_LIMITED); retry after Retry-After")
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        for (String[] h : new String[][]{{"Retry-After", "Seconds until the next request is allowed"},
                {"RateLimit-Limit", "Requests per period of the bucket that refused"},
                {"RateLimit-Remaining", "Requests left in that bucket (0)"}, {"RateLimit-Reset", "Seconds until that bucket is full again"}}) {
            rateLimited.addHeader(h[0], OASFactory.createHeader().required(true).description(h[1])
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
        }
        openAPI.getComponents().addResponse("RateLimited", rateLimited);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Map<PathItem.HttpMethod, Operation> ops = path.getValue().getOperations();
            if (ops == null) {
                continue;
            }
            ops.forEach((method, op) -> decorate(method, op));
        }
        SchemaShapes.apply(openAPI);
    }

    private void decorate(PathItem.HttpMethod method, Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        headers(method, op);
        addProblem(op, "400", "Malformed request (VALIDATION_FAILED; errors[] names each field)");
        addProblem(op, "401", "No, expired or badly signed token (UNAUTHENTICATED)");
        addProblem(op, "403", "The caller's role may not do this (FORBIDDEN)");
        addProblem(op, "404", "No such resource visible to the caller (NOT_FOUND)");
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
            addProblem(op, "409", "Conflict with the current state (DUPLICATE, INVALID_TRANSITION, INSUFFICIENT_STOCK, DEAL_CONFLICT)");
            addProblem(op, "422", "A business rule refused the request (see code)");
        }
        if (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.PUT || hasHeader(op, Http.IF_MATCH)
                || bodyNamesAVersion(op)) {
            addProblem(op, "412", "If-Match does not match the current version (VERSION_CONFLICT)");
        }
        // One shared answer (components/responses/RateLimited) instead of a copy with four headers on every operation.
        op.getResponses().addAPIResponse("429", OASFactory.createAPIResponse().ref("#/components/responses/RateLimited"));
        addProblem(op, "503", "The database is unavailable, or the call took longer than the server allows; retry (SERVICE_UNAVAILABLE, REQUEST_TIMEOUT)");
        op.getResponses().getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader().required(true)
                .description("Seconds to wait before retrying").schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
    }

    /**
     * The headers of the contract (API-CONTRACT §1): Idempotency-Key and If-Match in, ETag, Idempotent-Replayed and
     * Retry-After out. A 2xx answer that is one versioned resource (a top-level {@code version}) carries its ETag.
     */
    private void headers(PathItem.HttpMethod method, Operation op) {
        boolean get = method == PathItem.HttpMethod.GET;
        boolean idempotent = false;
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if (p.getIn() == Parameter.In.HEADER && Http.IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName())) {
                    idempotent = true;
                    // the description comes from contract/descriptions (*.Idempotency-Key), like every parameter
                    p.schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).minLength(1).maxLength(255));
                } else if (p.getIn() == Parameter.In.HEADER && Http.IF_MATCH.equalsIgnoreCase(p.getName())) {
                    p.schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
                }
            }
        }
        if (op.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> e : op.getResponses().getAPIResponses().entrySet()) {
            if (!e.getKey().startsWith("2") || e.getValue().getContent() == null) {
                continue;
            }
            if (idempotent) {
                e.getValue().addHeader(Http.IDEMPOTENT_REPLAYED, OASFactory.createHeader()
                        .description("true when this is the stored answer to an earlier request with the same Idempotency-Key")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(List.of("true"))));
            } else if (versioned(e.getValue())) {
                // Every GET of one resource sends it; actions that answer the resource may.
                e.getValue().addHeader("ETag", OASFactory.createHeader().required(get)
                        .description("The resource's version as a strong entity tag (\"3\"); send it back in If-Match")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
            }
        }
    }

    private static boolean hasHeader(Operation op, String name) {
        return op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    /** The request body names the version it was read at (a policy acknowledgement): a stale one is 412. */
    private boolean bodyNamesAVersion(Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return false;
        }
        var json = op.getRequestBody().getContent().getMediaType("application/json");
        if (json == null || json.getSchema() == null || json.getSchema().getRef() == null) {
            return false;
        }
        String ref = json.getSchema().getRef();
        return withVersion.contains(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** The body is one resource with a version (by schema reference), not a page or report. */
    private boolean versioned(APIResponse response) {
        var json = response.getContent().getMediaType("application/json");
        if (json == null || json.getSchema() == null || json.getSchema().getRef() == null) {
            return false;
        }
        return versionedSchemas.contains(json.getSchema().getRef().substring(json.getSchema().getRef().lastIndexOf('/') + 1));
    }

    private static void addProblem(Operation op, String status, String description) {
        var existing = op.getResponses().getAPIResponse(status);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        // SmallRye documents 401/403 of @Authenticated resources itself, without a body: ours replaces it.
        op.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }
}
