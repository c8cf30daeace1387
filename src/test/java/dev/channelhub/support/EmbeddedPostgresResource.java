package dev.channelhub.support;

import dev.channelhub.shared.boot.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The tests' database: a throwaway embedded PostgreSQL, or an external server when
 * {@code -Dchannelhub.test.db-url=postgresql://user:pass@host:5432/db} is given.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase db;
    private StreamingReplica replica;
    private String profile;

    @Override
    public void setContext(Context context) {
        profile = context.testProfile();
    }

    /** True when the running test profile implements {@link WithReplica}. */
    private boolean replicaWanted() {
        if (profile == null || profile.isBlank()) {
            return false;
        }
        try {
            return WithReplica.class.isAssignableFrom(Class.forName(profile, false, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public Map<String, String> start() {
        String external = System.getProperty("channelhub.test.db-url", System.getenv("CHANNELHUB_TEST_DB_URL"));
        if (external != null && !external.isBlank()) {
            return external(external);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("channelhub-test-pg");
            // Durability buys nothing in a throwaway database and costs seconds per suite.
            db = EmbeddedDatabase.start(dir.resolve("data"), false,
                    Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
        Map<String, String> config = new java.util.HashMap<>(Map.of("quarkus.datasource.reactive.url", db.reactiveUrl(),
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", db.password(),
                "channelhub.test.db-port", Integer.toString(db.port())));
        if (replicaWanted()) {
            try {
                replica = StreamingReplica.start(dir.resolve("data"), db.port(), db.password(), dir.resolve("replica"));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start a streaming replica of the embedded PostgreSQL", e);
            }
            config.put("channelhub.datasource.read-url", replica.reactiveUrl());
            config.put("channelhub.test.replica-port", Integer.toString(replica.port()));
        }
        return config;
    }

    private static Map<String, String> external(String url) {
        java.net.URI uri = java.net.URI.create(url.replaceFirst("^jdbc:", ""));
        String userInfo = uri.getUserInfo();
        String hostPart = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath();
        Map<String, String> config = new java.util.HashMap<>();
        config.put("quarkus.datasource.reactive.url", "postgresql://" + hostPart);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPart);
        if (userInfo != null) {
            String[] parts = userInfo.split(":", 2);
            config.put("quarkus.datasource.username", parts[0]);
            if (parts.length > 1) {
                config.put("quarkus.datasource.password", parts[1]);
            }
        }
        return config;
    }

    @Override
    public void stop() {
        if (replica != null) {
            try {
                replica.close();
            } catch (Exception ignored) {
                // the JVM ends with the suite
            }
            replica = null;
        }
        if (db != null) {
            try {
                db.close();
            } catch (Exception ignored) {
                // the JVM ends with the suite
            }
        }
    }
}
