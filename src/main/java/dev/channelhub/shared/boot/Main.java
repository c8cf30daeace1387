package dev.channelhub.shared.boot;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the runnable jar. Before Quarkus boots (the datasource and Flyway come first), it starts
 * the embedded PostgreSQL when no database URL is configured and provides a dev JWT key when none is.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) throws Exception {
        Path dataDir = Path.of(setting("channelhub.data-dir", "CHANNELHUB_DATA_DIR", "data")).toAbsolutePath();
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(args, dataDir));
        }
        if (args.length > 0 && args[0].equals("seed")) {
            System.exit(SeedCommand.run(args, dataDir));
        }
        if (ProductionMode.on(Main::setting)) {
            List<String> problems = ProductionMode.problems(Main::setting);
            if (!problems.isEmpty()) {
                System.err.println("ChannelHub does not start in production mode (CHANNELHUB_MODE=production) until these are configured:");
                problems.forEach(p -> System.err.println("  - " + p));
                System.exit(78); // EX_CONFIG
            }
        }
        if (!EmbeddedDatabase.urlConfigured()) {
            // Durable by default: an acknowledged order survives a power cut (the embedded library's default is
            // synchronous_commit=off). CHANNELHUB_EMBEDDED_SYNCHRONOUS_COMMIT=off trades that for throughput.
            // Buffers and WAL sized for a database of a few GB (the library starts with PostgreSQL's 128MB / 1GB, which
            // on the 1M-order bench set meant checkpoints every few seconds and backends writing their own pages).
            EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("pg"), true, Map.of("synchronous_commit",
                    setting("channelhub.embedded.synchronous-commit", "CHANNELHUB_EMBEDDED_SYNCHRONOUS_COMMIT", "on"), "fsync", "on",
                    "shared_buffers", setting("channelhub.embedded.shared-buffers", "CHANNELHUB_EMBEDDED_SHARED_BUFFERS", "256MB"),
                    "max_wal_size", "4GB"), false);
            // The JVM runs shutdown hooks concurrently: this one waits until Quarkus has stopped (its drain: requests in
            // flight finish within quarkus.shutdown.timeout, then the pools close) and only then stops PostgreSQL; stopped
            // at once, it cut every order in flight at SIGTERM (503 "database unavailable"; GracefulDrainIT).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitQuarkusStopped();
                try {
                    db.close();
                } catch (Exception ignored) {
                    // the JVM is going away; PostgreSQL stops with it either way
                }
            }, "embedded-postgres-stop"));
            System.setProperty("quarkus.datasource.reactive.url", db.reactiveUrl());
            System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
            System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
            System.setProperty("quarkus.datasource.password", db.password());
            System.setProperty("channelhub.database", "embedded PostgreSQL at " + dataDir.resolve("pg"));
        } else {
            deriveMissingUrl();
        }
        if (!jwtKeyConfigured()) {
            DevKeys keys = DevKeys.ensure(dataDir.resolve("keys"));
            System.setProperty("mp.jwt.verify.publickey.location", keys.publicKeyPath().toString());
            System.setProperty("channelhub.jwt.dev-key", "true");
        }
        Quarkus.run(args);
    }

    /**
     * Blocks until the Quarkus application has stopped (or failed to start), when there is one; bounded, so that a
     * Quarkus that never stops cannot keep PostgreSQL from stopping with the JVM.
     */
    static void awaitQuarkusStopped() {
        Application app = Application.currentApplication();
        if (app == null) {
            return;
        }
        Thread waiter = new Thread(app::awaitShutdown, "await-quarkus-stop");
        waiter.setDaemon(true);
        waiter.start();
        try {
            waiter.join(QUARKUS_STOP_BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Far above any configured drain (shutdown delay + timeout); a platform kills the process sooner anyway. */
    private static final java.time.Duration QUARKUS_STOP_BOUND = java.time.Duration.ofMinutes(5);

    /** Flyway needs JDBC and the app needs the reactive URL; one of them is enough to configure. */
    private static void deriveMissingUrl() {
        String reactive = setting("quarkus.datasource.reactive.url", "QUARKUS_DATASOURCE_REACTIVE_URL", null);
        String jdbc = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL", null);
        if (reactive == null && jdbc != null && jdbc.startsWith("jdbc:")) {
            System.setProperty("quarkus.datasource.reactive.url", jdbc.substring("jdbc:".length()));
        } else if (jdbc == null && reactive != null) {
            System.setProperty("quarkus.datasource.jdbc.url", "jdbc:" + reactive.replaceFirst("^postgres:", "postgresql:"));
        }
    }

    private static boolean jwtKeyConfigured() {
        return setting("mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", null) != null
                || setting("mp.jwt.verify.publickey", "MP_JWT_VERIFY_PUBLICKEY", null) != null;
    }

    private static String setting(String property, String env) {
        return setting(property, env, null);
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
