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
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * Starts PostgreSQL with its data under {@code dataDirectory}; kept when {@code keepData}. It listens on 127.0.0.1
     * only and every connection needs the superuser's password (scram-sha-256): generated once, kept beside the data
     * (mode 0600) in {@link #passwordFile}, so a restart on the same data uses it again. A kept data directory from
     * before (trust authentication, no password file) is given a password and switched to scram-sha-256 on start.
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean keepData, Map<String, String> serverConfig) throws IOException {
        return start(dataDirectory, keepData, serverConfig, true);
    }

    /**
     * As {@link #start(Path, boolean, Map)}; {@code stopAtJvmExit} false leaves out the library's own shutdown hook, which
     * stops PostgreSQL at once when the JVM begins to exit, concurrently with every other hook: the caller then
     * {@link #close closes} it when it may (Main: after Quarkus has drained the requests in flight).
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean keepData, Map<String, String> serverConfig,
            boolean stopAtJvmExit) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        if (keepData) {
            stopOrphan(dataDirectory);
        }
        Path passwordFile = passwordFile(dataDirectory);
        boolean initdb = !keepData || !Files.exists(dataDirectory.resolve("postgresql.conf"));
        boolean legacyTrust = !initdb && !Files.exists(passwordFile);
        String password = !initdb && !legacyTrust ? Files.readString(passwordFile).trim() : newPassword(passwordFile);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!keepData)
                .setRegisterShutdownHook(stopAtJvmExit)
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                // zonky passes these to initdb as --key=value after its own "-A trust", so they win over it.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                .setConnectConfig("password", password);
        // shared_buffers etc. stay modest so the whole stack fits a small machine.
        builder.setServerConfig("max_connections", "200");
        builder.setServerConfig("listen_addresses", LISTEN_ADDRESS);
        serverConfig.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        if (legacyTrust) {
            requirePasswords(postgres, dataDirectory, password);
        }
        return new EmbeddedDatabase(postgres, password);
    }

    public static final String LISTEN_ADDRESS = "127.0.0.1";

    /** Where the superuser password of the database in {@code dataDirectory} is kept: {@code <dataDirectory>.password}. */
    public static Path passwordFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
    }

    private static String newPassword(Path file) throws IOException {
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        String password = java.util.HexFormat.of().formatHex(random);
        Files.deleteIfExists(file);
        DevKeys.writePrivate(file, password + "\n");
        return password;
    }

    /** A data directory initialised with trust authentication: set the password, then require it from everyone. */
    private static void requirePasswords(EmbeddedPostgres postgres, Path dataDirectory, String password) throws IOException {
        try (var c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("set password_encryption = 'scram-sha-256'");
            st.execute("alter role " + USER + " password '" + password + "'");
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                    # written by ChannelHub: password (scram-sha-256) for every connection
                    local   all             all                                     scram-sha-256
                    host    all             all             127.0.0.1/32            scram-sha-256
                    host    all             all             ::1/128                 scram-sha-256
                    local   replication     all                                     scram-sha-256
                    host    replication     all             127.0.0.1/32            scram-sha-256
                    host    replication     all             ::1/128                 scram-sha-256
                    """);
            st.execute("select pg_reload_conf()");
            LOG.warnf("embedded PostgreSQL in %s used trust authentication; it now requires the password kept in %s",
                    dataDirectory, passwordFile(dataDirectory));
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot switch the embedded PostgreSQL to password authentication", e);
        }
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

    /** The superuser password (also in {@link #passwordFile}). */
    public String password() {
        return password;
    }

    public String reactiveUrl() {
        return "postgresql://" + LISTEN_ADDRESS + ":" + port() + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + LISTEN_ADDRESS + ":" + port() + "/" + DATABASE;
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
