package dev.channelhub.shared.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a real PostgreSQL 15 (zonky) when no datasource URL is configured, so `java -jar` and the
 * tests need nothing but a JDK. A configured URL always wins and nothing is started.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL with its data under {@code dataDirectory}; kept when {@code keepData}. */
    public static EmbeddedDatabase start(Path dataDirectory, boolean keepData, Map<String, String> serverConfig) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!keepData)
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        // shared_buffers etc. stay modest so the whole stack fits a small machine.
        builder.setServerConfig("max_connections", "200");
        serverConfig.forEach(builder::setServerConfig);
        return new EmbeddedDatabase(builder.start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** True when the environment or system properties already name a database. */
    public static boolean urlConfigured() {
        return present(System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL"))
                || present(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
                || present(System.getProperty("quarkus.datasource.reactive.url"))
                || present(System.getProperty("quarkus.datasource.jdbc.url"));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
