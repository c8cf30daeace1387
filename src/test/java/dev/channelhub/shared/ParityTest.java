package dev.channelhub.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parity table ({@code parity.txt}): every capability in both faces, REST and GraphQL, or an explicit one-faced row
 * with its reason. Walks the committed contract files, so a new operation or root field that only one face has fails
 * the build until it gets its twin or a row that says why it has none.
 */
class ParityTest {

    private static final String TABLE = "parity.txt";
    private static final List<String> ROOTS = List.of("Query", "Mutation", "Subscription");

    record Row(int line, String rest, String graphql, String note) {

        boolean oneFaced() {
            return rest.equals("-") || graphql.equals("-");
        }
    }

    static Map<String, String> operations;
    static TypeDefinitionRegistry schema;
    static Set<String> rootFields;
    static List<Row> rows;

    @BeforeAll
    static void read() throws IOException {
        operations = new HashMap<>();
        JsonNode paths = new ObjectMapper().readTree(Files.readString(Path.of("openapi/openapi.json"))).get("paths");
        paths.fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(m.getKey())) {
                String id = m.getValue().path("operationId").asText("");
                operations.put(id.isEmpty() ? "(no operationId) " + m.getKey() + " " + p.getKey() : id,
                        m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        schema = new SchemaParser().parse(Files.readString(Path.of("schema.graphqls")));
        rootFields = new TreeSet<>();
        for (String root : ROOTS) {
            schema.getType(root, ObjectTypeDefinition.class).ifPresent(t -> t.getFieldDefinitions()
                    .forEach(f -> rootFields.add(root.toLowerCase(Locale.ROOT) + " " + f.getName())));
        }
        rows = rows();
    }

    @Test
    void everyOperationIdIsInExactlyOneRow() {
        Map<String, Integer> seen = new HashMap<>();
        rows.stream().filter(r -> !r.rest().equals("-")).forEach(r -> seen.merge(r.rest(), 1, Integer::sum));
        Set<String> missing = new TreeSet<>();
        operations.forEach((id, op) -> {
            if (!seen.containsKey(id)) {
                missing.add(id + " (" + op + ")");
            }
        });
        Set<String> twice = new TreeSet<>();
        seen.forEach((id, n) -> {
            if (n > 1) {
                twice.add(id);
            }
        });
        assertTrue(missing.isEmpty() && twice.isEmpty(), "src/test/resources/" + TABLE + ": every REST operation needs one row "
                + "naming its GraphQL twin (or \"- | graphql-only/rest-only: why\").\n  operations without a row: " + missing
                + "\n  operations in several rows: " + twice);
    }

    @Test
    void everyRootFieldIsInARow() {
        Set<String> covered = new TreeSet<>();
        rows.forEach(r -> covered.add(r.graphql()));
        Set<String> missing = new TreeSet<>(rootFields);
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "src/test/resources/" + TABLE + ": every Query/Mutation/Subscription field needs a row "
                + "naming its REST twin (or \"- | <field> | graphql-only: why\").\n  fields without a row: " + missing);
    }

    @Test
    void bothSidesOfEveryRowExist() {
        List<String> problems = new ArrayList<>();
        for (Row r : rows) {
            if (!r.rest().equals("-") && !operations.containsKey(r.rest())) {
                problems.add("line " + r.line() + ": no operation with operationId " + r.rest() + " in openapi/openapi.json");
            }
            if (!r.graphql().equals("-") && !graphqlExists(r.graphql())) {
                problems.add("line " + r.line() + ": no GraphQL field " + r.graphql() + " in schema.graphqls");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aOneFacedRowSaysWhy() {
        List<String> problems = new ArrayList<>();
        for (Row r : rows) {
            if (r.rest().equals("-") && r.graphql().equals("-")) {
                problems.add("line " + r.line() + ": a row needs at least one side");
            } else if (r.oneFaced()) {
                String face = r.rest().equals("-") ? "graphql-only:" : "rest-only:";
                if (!r.note().startsWith(face) || r.note().length() < face.length() + 20) {
                    problems.add("line " + r.line() + ": a one-faced row's note starts with \"" + face
                            + "\" and says why the other face has no twin");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** "query x" / "mutation x" / "subscription x" is a root field; "Type.field" a field of an object type. */
    private static boolean graphqlExists(String field) {
        int space = field.indexOf(' ');
        if (space > 0) {
            return rootFields.contains(field);
        }
        int dot = field.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String type = field.substring(0, dot);
        String name = field.substring(dot + 1);
        return !ROOTS.contains(type) && schema.getType(type, ObjectTypeDefinition.class)
                .map(t -> t.getFieldDefinitions().stream().anyMatch(f -> f.getName().equals(name))).orElse(false);
    }

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        try (InputStream in = ParityTest.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("src/test/resources/" + TABLE + " is missing");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|", 3);
                if (cells.length < 2) {
                    throw new IllegalStateException(TABLE + " line " + (i + 1) + ": expected \"rest | graphql [| note]\"");
                }
                out.add(new Row(i + 1, cells[0].strip(), cells[1].strip(), cells.length > 2 ? cells[2].strip() : ""));
            }
        }
        return out;
    }
}
