package dev.channelhub.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository carries its own license, changelog and documents: a contract change is recorded in CHANGELOG.md,
 * and no document points outside the repository; repositories write their SQL as text blocks. Plain JUnit: it reads
 * files, no server.
 */
class RepositoryFilesTest {

    static final List<Path> CONTRACT = List.of(Path.of("openapi/openapi.json"), Path.of("schema.graphqls"));

    /** The first 12 hex digits of sha256 over the contract files: {@code cat openapi/openapi.json schema.graphqls | sha256sum}. */
    static String contractFingerprint() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path file : CONTRACT) {
            sha.update(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }

    @Test
    void everyContractChangeHasAChangelogLine() throws Exception {
        String fingerprint = contractFingerprint();
        String changelog = Files.readString(Path.of("CHANGELOG.md"), StandardCharsets.UTF_8);
        assertTrue(changelog.contains("\n## [Unreleased]"), "CHANGELOG.md has no '## [Unreleased]' section");
        // The newest section that names a fingerprint (an empty [Unreleased] right after a release names none).
        String newest = "";
        String[] sections = changelog.split("\n## ");
        for (int i = 1; i < sections.length; i++) { // [0] is the preamble, which explains the format
            if (sections[i].contains("(contract ")) {
                newest = sections[i];
                break;
            }
        }
        assertTrue(newest.contains("(contract " + fingerprint + ")"),
                "openapi/openapi.json or schema.graphqls changed since the last CHANGELOG entry. Add a line under "
                        + "'## [Unreleased]' in CHANGELOG.md that says what changed for clients, and end it with "
                        + "'(contract " + fingerprint + ")' — the fingerprint of the committed contract files "
                        + "(cat openapi/openapi.json schema.graphqls | sha256sum | cut -c1-12). See docs/DEVELOPING.md, "
                        + "\"Contract files\".");
    }

    @Test
    void documentsStayInsideTheRepository() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CHANGELOG.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        List<String> outside = new ArrayList<>();
        for (Path doc : documents) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            if (text.contains("../shared") || text.contains("/work/")) {
                outside.add(doc.toString());
            }
        }
        assertTrue(documents.contains(Path.of("docs/API.md")), "docs/API.md, the API guide, is missing");
        assertTrue(outside.isEmpty(), "documents that point outside the repository (../shared, /work/): " + outside
                + "; the repository carries its own documents (docs/API.md)");
    }

    @Test
    void theLicenseIsApache2() throws IOException {
        String license = Files.readString(Path.of("LICENSE"), StandardCharsets.UTF_8);
        assertTrue(license.contains("Apache License") && license.contains("Version 2.0, January 2004")
                && license.contains("END OF TERMS AND CONDITIONS"), "LICENSE must hold the full Apache License 2.0 text");
    }

    /**
     * Repositories whose SQL is still built with {@code +}, each with its reason. Remove a line when the file is converted;
     * a listed file without such SQL fails {@link #repositoriesWriteSqlAsTextBlocks}.
     */
    static final Map<String, String> CONCATENATED_SQL = Map.of();

    /**
     * SQL in repositories ({@code *Repository}, {@code *Sql}) is written as text blocks, one named constant per statement,
     * shared fragments joined with {@code .formatted(...)}: no string literal or text block is an operand of {@code +}
     * (docs/DEVELOPING.md, "SQL rules"). Statements assembled from optional filters use a {@code StringBuilder} whose
     * {@code append}s take whole fragments.
     */
    @Test
    void repositoriesWriteSqlAsTextBlocks() throws IOException {
        Path root = Path.of("src/main/java/dev/channelhub");
        Map<String, List<Integer>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith("Repository.java") || p.toString().endsWith("Sql.java")).toList()) {
                List<Integer> lines = concatenatedStringLines(Files.readString(file, StandardCharsets.UTF_8));
                if (!lines.isEmpty()) {
                    found.put(root.relativize(file).toString().replace('\\', '/'), lines);
                }
            }
        }
        List<String> offending = found.entrySet().stream().filter(e -> !CONCATENATED_SQL.containsKey(e.getKey()))
                .map(e -> e.getKey() + " lines " + e.getValue()).toList();
        assertTrue(offending.isEmpty(), "repositories that build strings with '+' (write the SQL as text blocks, one constant per "
                + "statement; join shared fragments with .formatted): " + offending);
        List<String> stale = CONCATENATED_SQL.keySet().stream().filter(k -> !found.containsKey(k)).toList();
        assertTrue(stale.isEmpty(), "listed in CONCATENATED_SQL but without '+'-built strings any more: remove " + stale);
    }

    @Test
    void theTextBlockRuleSeesConcatenation() {
        assertEquals(List.of(2, 3, 6), concatenatedStringLines("""
                String A = \"""
                    select 1\""" + B;
                String C = "select " + COLUMNS;
                String D = X + Y; // "a" + b
                String E = X
                        + "from t"; /* "x" + y */
                String F = "%%%s%%".formatted(q) + 1 - 2;
                String G = "a+b" ;
                """));
    }

    /** The 1-based lines where a string literal or text block is an operand of {@code +} (comments ignored). */
    static List<Integer> concatenatedStringLines(String java) {
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        boolean lastWasString = false; // the previous token was a string literal
        boolean pendingPlus = false;   // the previous token was '+' (binary, after a string or not)
        int plusLine = 0;
        for (int i = 0; i < java.length(); ) {
            char c = java.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (java.startsWith("//", i)) {
                while (i < java.length() && java.charAt(i) != '\n') {
                    i++;
                }
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                end = end < 0 ? java.length() : end + 2;
                line += (int) java.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end;
            } else if (c == '"' || c == '\'') {
                int start = line;
                boolean block = java.startsWith("\"\"\"", i);
                int j = block ? i + 3 : i + 1;
                while (j < java.length()) {
                    char d = java.charAt(j);
                    if (d == '\\') {
                        j += 2;
                        continue;
                    }
                    if (d == '\n') {
                        line++;
                    }
                    if (block ? java.startsWith("\"\"\"", j) : d == c) {
                        j += block ? 3 : 1;
                        break;
                    }
                    j++;
                }
                i = j;
                if (c == '"') {
                    if (pendingPlus && !lines.contains(plusLine)) {
                        lines.add(plusLine);
                    }
                    lastWasString = true;
                } else {
                    lastWasString = false;
                }
                pendingPlus = false;
                continue;
            } else if (c == '+' && !java.startsWith("++", i) && !java.startsWith("+=", i)) {
                plusLine = line;
                if (lastWasString && !lines.contains(line)) {
                    lines.add(line);
                }
                pendingPlus = true;
                lastWasString = false;
                i++;
            } else {
                int j = i + 1;
                if (Character.isJavaIdentifierPart(c)) {
                    while (j < java.length() && Character.isJavaIdentifierPart(java.charAt(j))) {
                        j++;
                    }
                }
                pendingPlus = false;
                lastWasString = false;
                i = j;
            }
        }
        lines.sort(null);
        return lines;
    }
}
