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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository carries its own license, changelog and documents: a contract change is recorded in CHANGELOG.md,
 * and no document points outside the repository. Plain JUnit: it reads files, no server.
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
}
