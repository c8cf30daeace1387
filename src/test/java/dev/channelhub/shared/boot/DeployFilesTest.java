package dev.channelhub.shared.boot;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployment files cannot be run on the build machines (no containers there), so this test keeps them honest:
 * every environment variable that deploy/compose.yaml, deploy/k8s/*.yaml and the Dockerfile set is one the
 * application reads, each of them configures what production mode requires, and the probes point at health.
 */
class DeployFilesTest {

    /** Read by the base image's run-java.sh, not by the application. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "JAVA_APP_JAR", "LANGUAGE");

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void composeSetsOnlyVariablesTheApplicationReadsAndEverythingProductionNeeds() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("deploy/compose.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> instances = services.keySet().stream().filter(s -> s.startsWith("channelhub")).toList();
        assertEquals(2, instances.size(), "two instances behind one port");
        Set<String> known = variablesTheApplicationReads();
        for (String name : instances) {
            @SuppressWarnings("unchecked")
            Map<String, Object> env = (Map<String, Object>) services.get(name).get("environment");
            assertUnknown(name, env.keySet(), known);
            Map<String, String> values = new LinkedHashMap<>();
            env.forEach((k, v) -> values.put(k, String.valueOf(v)));
            assertEquals(List.of(), ProductionMode.problems((property, variable) -> values.get(variable)), name);
            assertEquals("production", values.get("CHANNELHUB_MODE"), name);
        }
        assertTrue(services.containsKey("postgres") && String.valueOf(services.get("postgres").get("image")).startsWith("postgres:16"));
        assertEquals(List.of("8080:8080"), services.get("proxy").get("ports"), "one port in front");
    }

    @Test
    void kubernetesManifestsSetOnlyVariablesTheApplicationReadsAndProbeHealth() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        List<Map<String, Object>> deployments = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> resource = (Map<String, Object>) doc;
                    String kind = String.valueOf(resource.get("kind"));
                    if (kind.equals("ConfigMap") || kind.equals("Secret")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> data = (Map<String, Object>) (resource.containsKey("stringData") ? resource.get("stringData") : resource.get("data"));
                        data.forEach((k, v) -> values.put(k, String.valueOf(v)));
                    } else if (kind.equals("Deployment")) {
                        deployments.add(resource);
                    }
                }
            }
        }
        assertUnknown("deploy/k8s", values.keySet(), variablesTheApplicationReads());
        assertEquals(List.of(), ProductionMode.problems((property, variable) -> values.get(variable)));
        assertEquals(1, deployments.size());
        String text = new Yaml().dump(deployments.get(0));
        assertTrue(text.contains("readinessProbe") && text.contains("/q/health/ready"), "readiness on /q/health/ready");
        assertTrue(text.contains("livenessProbe") && text.contains("/q/health/live"), "liveness on /q/health/live");
        assertTrue(text.contains("runAsNonRoot: true"));
    }

    @Test
    void theImageSetsOnlyVariablesTheApplicationOrItsRunScriptReads() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("src/main/docker/Dockerfile.jvm"));
        Set<String> set = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^ENV\\s+([A-Z][A-Z0-9_]*)[= ]").matcher(dockerfile);
        while (m.find()) {
            set.add(m.group(1));
        }
        set.removeAll(IMAGE_VARIABLES);
        assertUnknown("Dockerfile.jvm", set, variablesTheApplicationReads());
        assertTrue(set.contains("CHANNELHUB_MODE"), "the image fails closed");
        assertTrue(dockerfile.contains("USER 185"), "non-root");
        assertTrue(dockerfile.contains("-Xmx160m -XX:+UseSerialGC"), "the README's JVM flags");
    }

    @Test
    void aVariableNobodyReadsIsCaught() throws IOException {
        Set<String> known = variablesTheApplicationReads();
        assertTrue(known.contains("CHANNELHUB_WEBHOOK_SECRET_KEY") && known.contains("QUARKUS_DATASOURCE_PASSWORD")
                && known.contains("MP_JWT_VERIFY_ISSUER") && known.contains("CHANNELHUB_DB_POOL_SIZE"), "the known set is read from the sources");
        assertTrue(!known.contains("CHANNELHUB_WEBHOOKS_SECRET_KEY_FILE") && !known.contains("CHANNELHUB_DB_URL"));
    }

    private static void assertUnknown(String where, Set<String> variables, Set<String> known) {
        Set<String> unknown = new TreeSet<>(variables);
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, where + " sets variables the application never reads");
    }

    /**
     * What the application reads from the environment: the ${VAR} placeholders and the environment form of every
     * key of application.properties, and the variable names and configuration keys its Java sources name
     * (Main's settings, properties it sets itself such as quarkus.datasource.username).
     */
    static Set<String> variablesTheApplicationReads() throws IOException {
        Set<String> known = new TreeSet<>();
        String properties = Files.readString(ROOT.resolve("src/main/resources/application.properties"));
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(properties);
        while (placeholder.find()) {
            known.add(placeholder.group(1));
        }
        for (String line : properties.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || !l.contains("=")) {
                continue;
            }
            known.add(environmentForm(l.substring(0, l.indexOf('=')).replaceFirst("^%[a-z-]+\\.", "")));
        }
        Pattern envLiteral = Pattern.compile("\"((?:CHANNELHUB|QUARKUS|MP)_[A-Z0-9_]+)\"");
        Pattern keyLiteral = Pattern.compile("\"((?:quarkus|mp|channelhub)\\.[a-z0-9.\\-]+)\"");
        try (Stream<Path> sources = Files.walk(ROOT.resolve("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher e = envLiteral.matcher(text);
                while (e.find()) {
                    known.add(e.group(1));
                }
                Matcher k = keyLiteral.matcher(text);
                while (k.find()) {
                    known.add(environmentForm(k.group(1)));
                }
            }
        }
        return known;
    }

    /** MicroProfile Config's environment name of a property: non-alphanumerics become '_', upper case. */
    private static String environmentForm(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
