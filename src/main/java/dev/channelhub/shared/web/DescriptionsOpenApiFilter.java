package dev.channelhub.shared.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the OpenAPI document's schema, property and parameter descriptions from {@link Descriptions} (the files GraphQL
 * reads too). An OpenAPI schema is named after its Java class; the class's GraphQL names ({@code @Type}, {@code @Input},
 * {@code @Name}, {@code @Enum}, read from the build's index) are tried first, so {@code ChannelView} uses the keys of
 * {@code Channel}. Enum values go to {@code x-enum-descriptions} (in the order of {@code enum}). Inline object schemas
 * inside a property are described under {@code <Type>.<property>} ({@code Problem.errors.field}). Runs at build time,
 * where the index is available. Quarkus runs {@code mp.openapi.filter} filters after this one, so a schema such a filter
 * adds (ProblemResponsesFilter's {@code Problem}) is described there with {@link #describe(String, Schema)}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class DescriptionsOpenApiFilter implements OASFilter {

    private static final List<DotName> GRAPHQL_NAMES = List.of(DotName.createSimple("org.eclipse.microprofile.graphql.Type"),
            DotName.createSimple("org.eclipse.microprofile.graphql.Name"), DotName.createSimple("org.eclipse.microprofile.graphql.Enum"),
            DotName.createSimple("org.eclipse.microprofile.graphql.Input"));

    private final Map<String, List<String>> graphqlNames;
    private final Descriptions descriptions = Descriptions.load();

    public DescriptionsOpenApiFilter() {
        this.graphqlNames = Map.of();
    }

    public DescriptionsOpenApiFilter(IndexView index) {
        this.graphqlNames = graphqlNames(index);
    }

    /** Java simple class name → its GraphQL names (output name before input name), from the classes' annotations. */
    public static Map<String, List<String>> graphqlNames(IndexView index) {
        Map<String, List<String>> names = new HashMap<>();
        if (index == null) {
            return names;
        }
        for (DotName annotation : GRAPHQL_NAMES) {
            for (AnnotationInstance a : index.getAnnotations(annotation)) {
                if (a.target() == null || a.target().kind() != AnnotationTarget.Kind.CLASS || a.value() == null) {
                    continue;
                }
                String simple = a.target().asClass().simpleName();
                String value = a.value().asString();
                if (!value.isBlank()) {
                    names.computeIfAbsent(simple, k -> new ArrayList<>()).add(value);
                }
            }
        }
        return names;
    }

    /** The names whose keys describe the OpenAPI schema {@code schemaName}, in lookup order. */
    public static List<String> lookupNames(Map<String, List<String>> graphqlNames, String schemaName) {
        Set<String> names = new LinkedHashSet<>(graphqlNames.getOrDefault(schemaName, List.of()));
        names.add(schemaName);
        // SchemaShapes' request-side copy <X>Input of a record X used both ways: its own keys first, then X's
        String suffix = "Input";
        if (!graphqlNames.containsKey(schemaName) && schemaName.endsWith(suffix) && schemaName.length() > suffix.length()) {
            String base = schemaName.substring(0, schemaName.length() - suffix.length());
            names.addAll(graphqlNames.getOrDefault(base, List.of()));
            names.add(base);
        }
        return new ArrayList<>(names);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().forEach(this::describeSchema);
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                if (item.getOperations() == null) {
                    continue;
                }
                for (Operation op : item.getOperations().values()) {
                    describeParameters(op, item.getParameters());
                    describeParameters(op, op.getParameters());
                }
            }
        }
    }

    /** Describes one schema added after this filter ran (keys under its own name). */
    public static void describe(String name, Schema schema) {
        new DescriptionsOpenApiFilter().describeSchema(name, schema);
    }

    private void describeSchema(String name, Schema schema) {
        List<String> names = lookupNames(graphqlNames, name);
        Descriptions.Hit hit = descriptions.type(names);
        if (hit != null) {
            schema.setDescription(hit.text());
        }
        describeProperties(names, schema);
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            List<String> values = new ArrayList<>();
            boolean any = false;
            for (Object value : schema.getEnumeration()) {
                Descriptions.Hit v = descriptions.member(names, String.valueOf(value));
                values.add(v == null ? "" : v.text());
                any |= v != null;
            }
            if (any) {
                schema.addExtension("x-enum-descriptions", values);
            }
        }
    }

    private void describeProperties(List<String> names, Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((property, propertySchema) -> {
            Descriptions.Hit p = descriptions.member(names, property);
            if (p != null) {
                propertySchema.setDescription(p.text());
            }
            Schema inline = propertySchema.getItems() != null ? propertySchema.getItems() : propertySchema;
            if (inline.getRef() == null && inline.getProperties() != null) {
                describeProperties(names.stream().map(n -> n + "." + property).toList(), inline);
            }
        });
    }

    private void describeParameters(Operation op, List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        List<String> owners = op.getOperationId() == null ? List.of() : List.of(op.getOperationId());
        for (Parameter parameter : parameters) {
            if (parameter.getRef() != null || parameter.getName() == null) {
                continue;
            }
            Descriptions.Hit hit = descriptions.argument(owners, parameter.getName());
            if (hit != null) {
                parameter.setDescription(hit.text());
            }
        }
    }
}
