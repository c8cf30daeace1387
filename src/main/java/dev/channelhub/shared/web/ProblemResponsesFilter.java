package dev.channelhub.shared.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * Documents the contract's error answers on every operation: a Problem schema (RFC 9457 + code + errors[])
 * and the statuses any /api/v1 call can answer with, plus the Idempotency-Key header on creates.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
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
                        .enumeration(List.of("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION_FAILED", "VERSION_CONFLICT",
                                "DUPLICATE", "INVALID_TRANSITION", "INSUFFICIENT_STOCK", "CREDIT_LIMIT_EXCEEDED",
                                "PRICE_BELOW_FLOOR", "NO_PRICE", "OVERPAYMENT", "DEAL_CONFLICT", "IDEMPOTENCY_KEY_REUSED",
                                "SERVICE_UNAVAILABLE", "INTERNAL_ERROR")))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(fieldError));
        openAPI.getComponents().addSchema("Problem", problem);
        DescriptionsOpenApiFilter.describe("Problem", problem); // texts from contract/descriptions (it runs after that filter)
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
    }

    private static void decorate(PathItem.HttpMethod method, Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        addProblem(op, "400", "Malformed request (VALIDATION_FAILED; errors[] names each field)");
        addProblem(op, "401", "No, expired or badly signed token (UNAUTHENTICATED)");
        addProblem(op, "403", "The caller's role may not do this (FORBIDDEN)");
        addProblem(op, "404", "No such resource visible to the caller (NOT_FOUND)");
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
            addProblem(op, "409", "Conflict with the current state (DUPLICATE, INVALID_TRANSITION, INSUFFICIENT_STOCK, DEAL_CONFLICT)");
            addProblem(op, "422", "A business rule refused the request (see code)");
        }
        if (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.PUT) {
            addProblem(op, "412", "If-Match does not match the current version (VERSION_CONFLICT)");
        }
        addProblem(op, "503", "The database is unavailable; retry (SERVICE_UNAVAILABLE)");
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
