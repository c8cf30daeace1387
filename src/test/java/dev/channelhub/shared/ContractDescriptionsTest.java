package dev.channelhub.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.shared.web.Descriptions;
import dev.channelhub.shared.web.DescriptionsOpenApiFilter;
import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every element of both faces is described from {@code src/main/resources/contract/descriptions/*.properties}, the one
 * source ({@link Descriptions}; key format in docs/DEVELOPING.md, "Descriptions"): each OpenAPI schema, property and
 * parameter, each GraphQL type, field, argument, input field and enum value. Checked on the committed contract files
 * (ContractFilesTest keeps them equal to what the server serves), so it also proves the texts reached both documents.
 * A missing key fails with ready-to-paste {@code key=} lines grouped by file (prefilled with any text an annotation
 * gave); a key that describes nothing fails as stale; a field present in both faces must carry the same text.
 * Operations and tags are checked by OpenApiContractTest. Scalars keep their own descriptions (not checked here).
 */
class ContractDescriptionsTest {

    private static final Path DIR = Path.of("src/main/resources/contract/descriptions");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final DotName GRAPHQL_API = DotName.createSimple("org.eclipse.microprofile.graphql.GraphQLApi");
    private static final Map<String, DotName> ROOTS = Map.of(
            "Query", DotName.createSimple("org.eclipse.microprofile.graphql.Query"),
            "Mutation", DotName.createSimple("org.eclipse.microprofile.graphql.Mutation"),
            "Subscription", DotName.createSimple("io.smallrye.graphql.api.Subscription"));
    private static final DotName OPERATION = DotName.createSimple("org.eclipse.microprofile.openapi.annotations.Operation");
    private static final List<DotName> TYPE_NAMES = List.of(DotName.createSimple("org.eclipse.microprofile.graphql.Type"),
            DotName.createSimple("org.eclipse.microprofile.graphql.Name"), DotName.createSimple("org.eclipse.microprofile.graphql.Enum"),
            DotName.createSimple("org.eclipse.microprofile.graphql.Input"));

    private final Descriptions descriptions = Descriptions.load();
    private final Index index = index();
    private final Map<String, List<String>> graphqlNames = DescriptionsOpenApiFilter.graphqlNames(index);

    /** What the walk found. */
    private final Set<String> used = new HashSet<>();
    /** Missing key → text an annotation gave (or ""), grouped by the file it belongs in. */
    private final Map<String, Map<String, String>> missing = new TreeMap<>();
    private final List<String> differing = new ArrayList<>();

    @Test
    void everyElementOfBothFacesIsDescribedFromTheFiles() throws IOException {
        walkOpenApi(new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile()));
        walkGraphQL(new SchemaParser().parse(Files.readString(Path.of("schema.graphqls"), StandardCharsets.UTF_8)));
        Set<String> stale = new TreeSet<>(descriptions.keys());
        stale.removeAll(used);
        StringBuilder out = new StringBuilder();
        if (!missing.isEmpty()) {
            out.append("elements without a description key; add these lines (write the text after '=') to "
                    + "src/main/resources/contract/descriptions/<file>.properties (docs/DEVELOPING.md, \"Descriptions\"):\n");
            missing.forEach((file, keys) -> {
                out.append("\n# ").append(file).append(".properties\n");
                keys.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
            });
            write(out);
        }
        if (!stale.isEmpty()) {
            out.append("\ndescription keys that describe nothing in openapi/openapi.json or schema.graphqls (renamed or removed? "
                    + "fix or delete them): ").append(stale).append('\n');
        }
        if (!differing.isEmpty()) {
            out.append("\ncommitted descriptions differ from contract/descriptions (regenerate the contract files: ./mvnw -B -o test "
                    + "-Dtest=ContractFilesTest -Dchannelhub.contracts.write=true):\n").append(String.join("\n", differing));
        }
        assertTrue(out.isEmpty(), out.toString());
    }

    @Test
    void aFieldInBothFacesHasTheSameText() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile());
        TypeDefinitionRegistry registry = new SchemaParser().parse(Files.readString(Path.of("schema.graphqls"), StandardCharsets.UTF_8));
        List<String> different = new ArrayList<>();
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("components").path("schemas").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            // the GraphQL faces of the same Java class: its annotation names, its own name, SmallRye's default input name
            Set<String> faces = new java.util.LinkedHashSet<>(DescriptionsOpenApiFilter.lookupNames(graphqlNames, schema.getKey()));
            String defaultInput = schema.getKey() + "Input";
            boolean claimed = graphqlNames.entrySet().stream()
                    .anyMatch(e -> !e.getKey().equals(schema.getKey()) && e.getValue().contains(defaultInput));
            if (!claimed) {
                faces.add(defaultInput);
            }
            {
                for (String graphqlName : faces) {
                    Map<String, String> fields = graphqlFieldTexts(registry, graphqlName);
                    for (Iterator<Map.Entry<String, JsonNode>> p = schema.getValue().path("properties").fields(); p.hasNext(); ) {
                        Map.Entry<String, JsonNode> property = p.next();
                        if (fields.containsKey(property.getKey())) {
                            compared++;
                            String rest = property.getValue().path("description").asText("");
                            if (!rest.equals(fields.get(property.getKey()))) {
                                different.add(schema.getKey() + "." + property.getKey() + " '" + rest + "' vs GraphQL " + graphqlName
                                        + "." + property.getKey() + " '" + fields.get(property.getKey()) + "'");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(compared > 300, "too few fields found in both faces (" + compared + "): is the name mapping broken?");
        assertTrue(different.isEmpty(), "the same field is described differently in OpenAPI and GraphQL:\n" + String.join("\n", different));
    }

    @Test
    void aRestTwinOfARootFieldIsDescribedToo() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile());
        TypeDefinitionRegistry registry = new SchemaParser().parse(Files.readString(Path.of("schema.graphqls"), StandardCharsets.UTF_8));
        Set<String> rootFields = new HashSet<>();
        for (String root : ROOTS.keySet()) {
            registry.getType(root).filter(t -> t instanceof ObjectTypeDefinition)
                    .ifPresent(t -> ((ObjectTypeDefinition) t).getFieldDefinitions().forEach(f -> rootFields.add(f.getName())));
        }
        List<String> bare = new ArrayList<>();
        int twins = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String id = op.getValue().path("operationId").asText("");
                if (METHODS.contains(op.getKey()) && rootFields.contains(id)) {
                    twins++;
                    if (op.getValue().path("description").asText("").isBlank() || op.getValue().path("summary").asText("").isBlank()) {
                        bare.add(id);
                    }
                }
            }
        }
        assertTrue(twins > 20, "REST operations named like a GraphQL root field: " + twins);
        assertTrue(bare.isEmpty(), "REST twins of GraphQL root fields without summary/description (@Operation): " + bare);
    }

    @Test
    void everyFileIsOneOfTheAreasAndNoKeyIsDefinedTwice() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(DIR)) {
            list.forEach(f -> files.add(f.getFileName().toString()));
        }
        Set<String> expected = new TreeSet<>();
        Descriptions.AREAS.forEach(a -> expected.add(a + ".properties"));
        assertEquals(expected, files, "contract/descriptions must hold exactly one file per area of Descriptions.AREAS");
        Pattern key = Pattern.compile("^([^#!\\s][^=:\\s]*)\\s*[=:]");
        Map<String, String> seen = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (String file : files) {
            boolean continued = false;
            for (String line : Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8)) {
                Matcher m = key.matcher(line);
                if (!continued && m.find()) {
                    String previous = seen.put(m.group(1), file);
                    if (previous != null) {
                        twice.add(m.group(1) + " (" + previous + ", " + file + ")");
                    }
                }
                continued = line.endsWith("\\");
            }
        }
        assertTrue(twice.isEmpty(), "keys defined twice (the later one wins silently): " + twice);
    }

    // ---- OpenAPI ----

    private void walkOpenApi(JsonNode doc) {
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("components").path("schemas").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode schema = e.getValue();
            List<String> names = DescriptionsOpenApiFilter.lookupNames(graphqlNames, name);
            String file = areaOfType(names);
            check(descriptions.type(names), names.get(0), schema.path("description"), "OpenAPI schema " + name, file);
            walkProperties(names, schema, file, "OpenAPI " + name);
            List<String> texts = new ArrayList<>();
            schema.path("x-enum-descriptions").forEach(t -> texts.add(t.asText()));
            int i = 0;
            for (JsonNode value : schema.path("enum")) {
                Descriptions.Hit hit = descriptions.member(names, value.asText());
                String committed = i < texts.size() ? texts.get(i) : "";
                check(hit, names.get(0) + "." + value.asText(), committed, "OpenAPI enum " + name + "." + value.asText(), file);
                i++;
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String operationId = op.getValue().path("operationId").asText("");
                List<String> owners = operationId.isEmpty() ? List.of() : List.of(operationId);
                String file = areaOfOperation(operationId);
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if (parameter.has("$ref")) {
                        continue;
                    }
                    String name = parameter.path("name").asText();
                    check(descriptions.argument(owners, name), (operationId.isEmpty() ? "*" : operationId) + "." + name,
                            parameter.path("description"), "parameter " + name + " of " + op.getKey().toUpperCase() + " "
                                    + path.getKey(), file);
                }
            }
        }
    }

    private void walkProperties(List<String> names, JsonNode schema, String file, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> property = p.next();
            check(descriptions.member(names, property.getKey()), names.get(0) + "." + property.getKey(),
                    property.getValue().path("description"), where + "." + property.getKey(), file);
            JsonNode inline = property.getValue().has("items") ? property.getValue().path("items") : property.getValue();
            if (!inline.has("$ref") && inline.has("properties")) {
                walkProperties(names.stream().map(n -> n + "." + property.getKey()).toList(), inline, file,
                        where + "." + property.getKey());
            }
        }
    }

    // ---- GraphQL ----

    private void walkGraphQL(TypeDefinitionRegistry registry) {
        for (TypeDefinition<?> type : registry.types().values()) {
            if (type instanceof ScalarTypeDefinition || type.getName().startsWith("__")) {
                continue;
            }
            List<String> names = Descriptions.graphqlNames(type.getName());
            String file = areaOfType(names);
            // XInput of a record whose output face is X shares X's keys; any other input has keys of its own
            String own = names.size() > 1 && type instanceof InputObjectTypeDefinition in && sameRecord(registry, in, names.get(1))
                    ? names.get(1) : type.getName();
            check(descriptions.type(names), own, text(((graphql.language.AbstractDescribedNode<?>) type).getDescription()), "GraphQL type " + type.getName(), file);
            if (type instanceof ObjectTypeDefinition object) {
                fields(type.getName(), object.getFieldDefinitions(), file);
            } else if (type instanceof InterfaceTypeDefinition iface) {
                fields(type.getName(), iface.getFieldDefinitions(), file);
            } else if (type instanceof InputObjectTypeDefinition input) {
                for (InputValueDefinition field : input.getInputValueDefinitions()) {
                    check(descriptions.member(names, field.getName()), own + "." + field.getName(),
                            text(field.getDescription()), "GraphQL input field " + type.getName() + "." + field.getName(), file);
                }
            } else if (type instanceof EnumTypeDefinition e) {
                e.getEnumValueDefinitions().forEach(v -> check(descriptions.member(names, v.getName()), type.getName() + "." + v.getName(),
                        text(v.getDescription()), "GraphQL enum value " + type.getName() + "." + v.getName(), file));
            } else if (!(type instanceof UnionTypeDefinition)) {
                fail("unexpected GraphQL definition " + type);
            }
        }
    }

    /** True when the output type {@code name} has every field of the input: the input is that record's input face. */
    private static boolean sameRecord(TypeDefinitionRegistry registry, InputObjectTypeDefinition input, String name) {
        Set<String> outputFields = graphqlFieldTexts(registry, name).keySet();
        return registry.getType(name).filter(t -> t instanceof ObjectTypeDefinition).isPresent()
                && input.getInputValueDefinitions().stream().allMatch(f -> outputFields.contains(f.getName()));
    }

    private void fields(String typeName, List<FieldDefinition> fields, String typeFile) {
        boolean root = ROOTS.containsKey(typeName);
        List<String> names = Descriptions.graphqlNames(typeName);
        for (FieldDefinition field : fields) {
            String file = root ? areaOfRootField(typeName, field.getName()) : typeFile;
            check(descriptions.member(names, field.getName()), typeName + "." + field.getName(), text(field.getDescription()),
                    "GraphQL field " + typeName + "." + field.getName(), file);
            for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                check(descriptions.argument(List.of(typeName + "." + field.getName()), argument.getName()),
                        typeName + "." + field.getName() + "." + argument.getName(), text(argument.getDescription()),
                        "GraphQL argument " + typeName + "." + field.getName() + "(" + argument.getName() + ")", file);
            }
        }
    }

    private static Map<String, String> graphqlFieldTexts(TypeDefinitionRegistry registry, String typeName) {
        Map<String, String> texts = new LinkedHashMap<>();
        registry.getType(typeName).ifPresent(type -> {
            if (type instanceof ObjectTypeDefinition object) {
                object.getFieldDefinitions().forEach(f -> texts.put(f.getName(), text(f.getDescription())));
            } else if (type instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions().forEach(f -> texts.put(f.getName(), text(f.getDescription())));
            }
        });
        return texts;
    }

    // ---- common ----

    private void check(Descriptions.Hit hit, String suggestedKey, JsonNode committed, String where, String file) {
        check(hit, suggestedKey, committed.isMissingNode() || committed.isNull() ? "" : committed.asText(), where, file);
    }

    private void check(Descriptions.Hit hit, String suggestedKey, String committed, String where, String file) {
        if (hit == null) {
            missing.computeIfAbsent(file, f -> new TreeMap<>()).putIfAbsent(suggestedKey, committed.replace("\n", " "));
            return;
        }
        used.add(hit.key());
        if (!hit.text().equals(committed)) {
            differing.add(where + ": committed '" + committed + "', " + hit.key() + " says '" + hit.text() + "'");
        }
    }

    private static String text(Description description) {
        return description == null ? "" : description.getContent();
    }

    private static void write(StringBuilder out) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/missing-descriptions.properties"), out, StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // the message carries the same text
        }
    }

    /** The area file for a type: the feature package of the class that carries one of its names. */
    private String areaOfType(List<String> names) {
        for (String name : names) {
            for (DotName annotation : TYPE_NAMES) {
                for (AnnotationInstance a : index.getAnnotations(annotation)) {
                    if (a.target().kind() == AnnotationTarget.Kind.CLASS && a.value() != null && name.equals(a.value().asString())) {
                        return area(a.target().asClass());
                    }
                }
            }
            for (ClassInfo c : index.getKnownClasses()) {
                if (name.equals(c.simpleName())) {
                    return area(c);
                }
            }
        }
        return "shared";
    }

    private String areaOfRootField(String root, String field) {
        for (AnnotationInstance a : index.getAnnotations(ROOTS.get(root))) {
            if (a.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = a.target().asMethod();
            AnnotationValue value = a.value();
            String name = value != null && !value.asString().isBlank() ? value.asString() : method.name();
            if (name.equals(field)) {
                return area(method.declaringClass());
            }
        }
        return "shared";
    }

    private String areaOfOperation(String operationId) {
        for (AnnotationInstance a : index.getAnnotations(OPERATION)) {
            AnnotationValue id = a.value("operationId");
            if (id != null && id.asString().equals(operationId) && a.target().kind() == AnnotationTarget.Kind.METHOD) {
                return area(a.target().asMethod().declaringClass());
            }
        }
        return "shared";
    }

    private static String area(ClassInfo c) {
        String pkg = c.name().packagePrefix();
        String prefix = "dev.channelhub.";
        if (pkg == null || !pkg.startsWith(prefix)) {
            return "shared";
        }
        String first = pkg.substring(prefix.length()).split("\\.")[0];
        return Descriptions.AREAS.contains(first) ? first : "shared";
    }

    private static Index index() {
        Indexer indexer = new Indexer();
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                try (InputStream in = Files.newInputStream(f)) {
                    indexer.index(in);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot index target/classes (compile first)", e);
        }
        return indexer.complete();
    }
}
