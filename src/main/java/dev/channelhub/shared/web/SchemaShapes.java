package dev.channelhub.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Makes every schema say what Jackson really writes and reads, from the Java records themselves:
 * <ul>
 * <li>answers: every property Jackson writes is {@code required} (Jackson writes nulls); a property that can be null
 * has {@code "null"} in its type; a property left out when null ({@code @JsonInclude(NON_NULL)}) is optional and never
 * null; properties Jackson does not write (e.g. a record's {@code isEmpty()}) are removed;</li>
 * <li>requests: {@code required} is what Bean Validation requires (SmallRye's scan); the fields a merge-patch may clear
 * ({@link MergePatch.Clearable}) accept {@code null}; properties Jackson does not read are removed;</li>
 * <li>a record used both ways gets a second schema {@code <Name>Input} for the request side, so one schema never has to
 * mean both "always present" and "optional".</li>
 * </ul>
 * A field is never null when it is primitive or annotated {@code @NonNull} (GraphQL) / {@code @NotNull}.
 */
final class SchemaShapes {

    private static final Logger LOG = Logger.getLogger(SchemaShapes.class);
    private static final String PREFIX = "#/components/schemas/";
    private static final Set<String> NON_NULL_MARKERS = Set.of("NonNull", "NotNull", "NotBlank", "NotEmpty");
    private static final String BASE_PACKAGE = "dev/channelhub";

    private final OpenAPI openAPI;
    private final Map<String, Schema> schemas = new LinkedHashMap<>();
    private final Map<String, List<Class<?>>> classes;
    private final ObjectMapper mapper = new ObjectMapper();

    private SchemaShapes(OpenAPI openAPI) {
        this.openAPI = openAPI;
        this.schemas.putAll(openAPI.getComponents().getSchemas());
        this.classes = scanRecords();
        new JsonConfig().customize(mapper);
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        new SchemaShapes(openAPI).run();
    }

    private void run() {
        Set<String> requestSide = new LinkedHashSet<>();
        Set<String> responseSide = new LinkedHashSet<>();
        forEachOperation(op -> {
            RequestBody body = op.getRequestBody();
            if (body != null) {
                mediaSchemas(body.getContent()).forEach(s -> reach(s, requestSide));
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                    mediaSchemas(r.getContent()).forEach(s -> reach(s, responseSide));
                }
            }
        });
        Set<String> both = new LinkedHashSet<>(requestSide);
        both.retainAll(responseSide);
        both.removeIf(name -> !isObject(schemas.get(name)));
        Map<String, String> inputNames = new LinkedHashMap<>();
        both.forEach(name -> inputNames.put(name, name + "Input"));
        Set<String> requestOnly = new LinkedHashSet<>(requestSide);
        requestOnly.removeAll(responseSide);
        for (Map.Entry<String, String> e : inputNames.entrySet()) {
            Schema input = copy(schemas.get(e.getKey()));
            openAPI.getComponents().addSchema(e.getValue(), input);
            schemas.put(e.getValue(), input);
            requestOnly.add(e.getValue());
        }
        // Point the request side at the Input copies.
        forEachOperation(op -> {
            if (op.getRequestBody() != null) {
                mediaSchemas(op.getRequestBody().getContent()).forEach(s -> rename(s, inputNames));
            }
        });
        requestOnly.forEach(name -> rename(schemas.get(name), inputNames));

        for (String name : responseSide) {
            Schema schema = schemas.get(name);
            Class<?> type = classFor(name, schema);
            if (isObject(schema) && type != null) {
                shapeAnswer(schema, type);
            }
        }
        for (String name : requestOnly) {
            Schema schema = schemas.get(name);
            String javaName = name.endsWith("Input") && inputNames.containsValue(name) ? name.substring(0, name.length() - 5) : name;
            Class<?> type = classFor(javaName, schema);
            if (isObject(schema) && type != null) {
                shapeRequest(schema, type);
            }
        }
    }

    // ---- answers ----

    private void shapeAnswer(Schema schema, Class<?> type) {
        BeanDescription bean = mapper.getSerializationConfig().introspect(mapper.constructType(type));
        JsonInclude classInclude = type.getAnnotation(JsonInclude.class);
        Map<String, BeanPropertyDefinition> written = new LinkedHashMap<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            if (p.couldSerialize()) {
                written.put(p.getName(), p);
            }
        }
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : new LinkedHashMap<>(schema.getProperties());
        // Keep what was stated by hand (Problem's members that are always set), add what Jackson always writes.
        List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
        for (Map.Entry<String, Schema> e : properties.entrySet()) {
            BeanPropertyDefinition p = written.get(e.getKey());
            if (p == null) {
                schema.removeProperty(e.getKey());
                continue;
            }
            JsonInclude.Include include = p.findInclusion().getValueInclusion();
            if (include == JsonInclude.Include.USE_DEFAULTS && classInclude != null) {
                include = classInclude.value();
            }
            boolean omittedWhenNull = include != null && include != JsonInclude.Include.ALWAYS && include != JsonInclude.Include.USE_DEFAULTS;
            if (omittedWhenNull) {
                continue;
            }
            if (!required.contains(e.getKey())) {
                required.add(e.getKey());
            }
            if (!neverNull(type, p)) {
                schema.addProperty(e.getKey(), nullable(e.getValue()));
            }
        }
        schema.setRequired(required.isEmpty() ? null : required);
    }

    // ---- requests ----

    private void shapeRequest(Schema schema, Class<?> type) {
        BeanDescription bean = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
        Set<String> read = new HashSet<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            if (p.couldDeserialize() || p.hasConstructorParameter()) {
                read.add(p.getName());
            }
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                read.add(c.getName());
            }
        }
        MergePatch.Clearable clearable = type.getAnnotation(MergePatch.Clearable.class);
        Set<String> clearables = clearable == null ? Set.of() : Set.of(clearable.value());
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : new LinkedHashMap<>(schema.getProperties());
        for (Map.Entry<String, Schema> e : properties.entrySet()) {
            if (!read.contains(e.getKey())) {
                schema.removeProperty(e.getKey());
            } else if (clearables.contains(e.getKey())) {
                schema.addProperty(e.getKey(), nullable(e.getValue()));
            }
        }
    }

    private static boolean neverNull(Class<?> type, BeanPropertyDefinition p) {
        AnnotatedMember accessor = p.getAccessor();
        if (accessor != null && accessor.getRawType().isPrimitive()) {
            return true;
        }
        List<AnnotatedElement> places = new ArrayList<>();
        if (accessor != null) {
            places.add(accessor.getAnnotated());
        }
        if (p.getField() != null) {
            places.add(p.getField().getAnnotated());
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(p.getInternalName())) {
                    places.add(c);
                    places.add(c.getAnnotatedType());
                }
            }
        }
        for (AnnotatedElement place : places) {
            for (Annotation a : place.getAnnotations()) {
                if (NON_NULL_MARKERS.contains(a.annotationType().getSimpleName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same property, also allowing JSON null (OpenAPI 3.1: "null" in the type, or anyOf with a null schema). */
    private static Schema nullable(Schema property) {
        if (property.getRef() != null || property.getType() == null || property.getType().isEmpty()) {
            Schema ref = property.getRef() != null ? OASFactory.createSchema().ref(property.getRef()) : copy(property);
            Schema wrapped = OASFactory.createSchema()
                    .anyOf(List.of(ref, OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
            if (property.getDescription() != null) {
                wrapped.description(property.getDescription());
            }
            return wrapped;
        }
        if (!property.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new ArrayList<>(property.getType());
            types.add(Schema.SchemaType.NULL);
            property.setType(types);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
        return property;
    }

    // ---- schema graph ----

    private void forEachOperation(Consumer<Operation> action) {
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Map<PathItem.HttpMethod, Operation> ops = path.getValue().getOperations();
            if (ops != null) {
                ops.values().forEach(action);
            }
        }
    }

    private static List<Schema> mediaSchemas(Content content) {
        List<Schema> out = new ArrayList<>();
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType m : content.getMediaTypes().values()) {
                if (m.getSchema() != null) {
                    out.add(m.getSchema());
                }
            }
        }
        return out;
    }

    private void reach(Schema schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
            String name = schema.getRef().substring(PREFIX.length());
            if (names.add(name)) {
                reach(schemas.get(name), names);
            }
        }
        children(schema).forEach(c -> reach(c, names));
    }

    private static void rename(Schema schema, Map<String, String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
            String to = names.get(schema.getRef().substring(PREFIX.length()));
            if (to != null) {
                schema.setRef(PREFIX + to);
            }
        }
        children(schema).forEach(c -> rename(c, names));
    }

    private static List<Schema> children(Schema schema) {
        List<Schema> out = new ArrayList<>();
        if (schema.getProperties() != null) {
            out.addAll(schema.getProperties().values());
        }
        if (schema.getItems() != null) {
            out.add(schema.getItems());
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            out.add(schema.getAdditionalPropertiesSchema());
        }
        for (List<Schema> list : Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).toList()) {
            if (list != null) {
                out.addAll(list);
            }
        }
        return out;
    }

    private static boolean isObject(Schema schema) {
        return schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty();
    }

    /** A deep copy through the model's own map view. */
    private static Schema copy(Schema schema) {
        Schema out = OASFactory.createSchema();
        for (Map.Entry<String, ?> e : schema.getAll().entrySet()) {
            out.set(e.getKey(), copyValue(e.getValue()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Schema s) {
            return copy(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, copyValue(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copyValue(v)));
            return out;
        }
        return value;
    }

    // ---- schema name -> Java class ----

    /** SmallRye names a schema after the class's simple name; generic pages are {@code Page<Item>}. */
    private Class<?> classFor(String name, Schema schema) {
        List<Class<?>> candidates = classes.getOrDefault(name, List.of());
        if (candidates.isEmpty() && name.startsWith("Page")) {
            candidates = classes.getOrDefault("Page", List.of());
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        Set<String> properties = schema == null || schema.getProperties() == null ? Set.of() : schema.getProperties().keySet();
        for (Class<?> c : candidates) {
            if (c.isRecord() && Stream.of(c.getRecordComponents()).map(RecordComponent::getName).toList().containsAll(properties)) {
                return c;
            }
        }
        if (isObject(schema)) {
            LOG.debugf("no record found for schema %s", name);
        }
        return null;
    }

    private static Map<String, List<Class<?>>> scanRecords() {
        Map<String, List<Class<?>>> out = new HashMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = SchemaShapes.class.getClassLoader();
        }
        Set<String> classNames = new LinkedHashSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(BASE_PACKAGE);
            while (roots.hasMoreElements()) {
                collect(roots.nextElement(), classNames);
            }
        } catch (IOException | URISyntaxException e) {
            LOG.warnf("cannot list the API records: %s", e.toString());
        }
        for (String className : classNames) {
            try {
                Class<?> c = Class.forName(className, false, loader);
                if (c.isRecord() || c.getSimpleName().equals("Page")) {
                    out.computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>()).add(c);
                }
            } catch (Throwable ignored) {
                // not loadable here: not an API type
            }
        }
        return out;
    }

    private static void collect(URL root, Collection<String> classNames) throws IOException, URISyntaxException {
        if ("file".equals(root.getProtocol())) {
            Path base = Path.of(root.toURI());
            Path top = base;
            for (int i = 0; i < BASE_PACKAGE.split("/").length; i++) {
                top = top.getParent();
            }
            Path classesRoot = top;
            try (Stream<Path> files = Files.walk(base)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> classNames.add(toClassName(classesRoot.relativize(f).toString())));
            }
        } else if (root.openConnection() instanceof JarURLConnection jar) {
            JarFile file = jar.getJarFile(); // the class loader's own, cached copy: not ours to close
            {
                for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                    String entry = entries.nextElement().getName();
                    if (entry.startsWith(BASE_PACKAGE) && entry.endsWith(".class")) {
                        classNames.add(toClassName(entry));
                    }
                }
            }
        }
    }

    private static String toClassName(String path) {
        return path.replace('\\', '/').replaceAll("\\.class$", "").replace('/', '.');
    }
}
