package dev.channelhub.shared.boot;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CHANNELHUB_MODE=production refuses to start without a JWT key, an issuer, a database and a webhook key (issue 21). */
class ProductionModeTest {

    private static BiFunction<String, String, String> env(Map<String, String> values) {
        return (property, variable) -> values.get(variable);
    }

    private static final Map<String, String> COMPLETE = Map.of(
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://idp.example.com/jwks",
            "MP_JWT_VERIFY_ISSUER", "https://idp.example.com",
            "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db:5432/channelhub",
            "CHANNELHUB_WEBHOOK_SECRET_KEY", "dGVzdC1vbmx5LXdlYmhvb2stc2VjcmV0LWtleS0zMmI=");

    @Test
    void productionIsChosenByModeOrAnExplicitProdProfile() {
        assertTrue(ProductionMode.on(env(Map.of("CHANNELHUB_MODE", "production"))));
        assertTrue(ProductionMode.on(env(Map.of("CHANNELHUB_MODE", " Production "))));
        assertTrue(ProductionMode.on(env(Map.of("QUARKUS_PROFILE", "prod"))));
        assertFalse(ProductionMode.on(env(Map.of())), "java -jar as the README runs it stays friendly");
        assertFalse(ProductionMode.on(env(Map.of("CHANNELHUB_MODE", "development"))));
        assertFalse(ProductionMode.on(env(Map.of("QUARKUS_PROFILE", "dev"))));
    }

    @Test
    void aCompleteConfigurationStartsAndEachMissingSettingIsNamed() {
        assertEquals(List.of(), ProductionMode.problems(env(COMPLETE)));
        Map<String, String> expected = Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "no JWT public key",
                "MP_JWT_VERIFY_ISSUER", "no JWT issuer",
                "QUARKUS_DATASOURCE_REACTIVE_URL", "no database",
                "CHANNELHUB_WEBHOOK_SECRET_KEY", "no webhook secret key");
        expected.forEach((variable, message) -> {
            Map<String, String> without = new HashMap<>(COMPLETE);
            without.remove(variable);
            List<String> problems = ProductionMode.problems(env(without));
            assertEquals(1, problems.size(), variable + ": " + problems);
            assertTrue(problems.get(0).startsWith(message) && problems.get(0).contains(variable), problems.get(0));
        });
        // The alternatives count: the key as PEM text, the database by its JDBC URL.
        Map<String, String> alternatives = new HashMap<>(COMPLETE);
        alternatives.remove("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        alternatives.remove("QUARKUS_DATASOURCE_REACTIVE_URL");
        alternatives.put("MP_JWT_VERIFY_PUBLICKEY", "-----BEGIN PUBLIC KEY-----...");
        alternatives.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/channelhub");
        assertEquals(List.of(), ProductionMode.problems(env(alternatives)));
        // The development issuer is not an issuer of a deployment.
        Map<String, String> devIssuer = new HashMap<>(COMPLETE);
        devIssuer.put("MP_JWT_VERIFY_ISSUER", DevKeys.DEV_ISSUER);
        assertEquals(1, ProductionMode.problems(env(devIssuer)).size());
    }

    @Test
    void theServerRefusesToStartBeforeAnythingIsCreated() throws Exception {
        Path data = Files.createTempDirectory("prod-mode");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("MP_JWT_") || k.startsWith("QUARKUS_") || k.startsWith("CHANNELHUB_"));
        environment.put("CHANNELHUB_MODE", "production");
        environment.put("CHANNELHUB_DATA_DIR", data.toString());
        pb.redirectErrorStream(true);
        File out = data.resolve("out.txt").toFile();
        pb.redirectOutput(out);
        Process process = pb.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the check runs before Quarkus and exits at once");
        String text = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        assertEquals(78, process.exitValue(), text);
        for (String message : List.of("no JWT public key", "no JWT issuer", "no database", "no webhook secret key")) {
            assertTrue(text.contains(message), message + " in:\n" + text);
        }
        assertFalse(Files.exists(data.resolve("pg")), "no embedded PostgreSQL was started");
        assertFalse(Files.exists(data.resolve("keys")), "no development key was generated");
    }
}
