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

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EmbeddedDatabase.class);

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL with its data under {@code dataDirectory}; kept when {@code keepData}. */
    public static EmbeddedDatabase start(Path dataDirectory, boolean keepData, Map<String, String> serverConfig) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        if (keepData) {
            stopOrphan(dataDirectory);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!keepData)
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        // shared_buffers etc. stay modest so the whole stack fits a small machine.
        builder.setServerConfig("max_connections", "200");
        serverConfig.forEach(builder::setServerConfig);
        return new EmbeddedDatabase(builder.start());
    }

    /**
     * PostgreSQL is started through pg_ctl and outlives a JVM that was killed (kill -9, OOM killer): its
     * postmaster.pid then makes the next start fail ("lock file already exists"). A live postmaster left in
     * our data directory is stopped with a fast shutdown (SIGINT, like {@code pg_ctl stop -m fast}) first.
     */
    static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try (var lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("").trim());
        } catch (NumberFormatException | java.io.UncheckedIOException e) {
            return; // unreadable: PostgreSQL itself decides whether the file is stale
        }
        ProcessHandle orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)).orElse(null);
        if (orphan == null) {
            return; // stale file of a dead postmaster: PostgreSQL starts over it
        }
        LOG.warnf("PostgreSQL (pid %d) left running in %s by a previous process; stopping it (fast shutdown)", pid, dataDirectory);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            orphan.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL pid " + pid, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("PostgreSQL pid " + pid + " in " + dataDirectory + " did not stop", e);
        }
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
