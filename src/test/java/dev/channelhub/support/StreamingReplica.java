package dev.channelhub.support;

import dev.channelhub.shared.boot.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Set;

/**
 * A second embedded PostgreSQL that is a hot standby of the tests' database, fed by streaming replication. The zonky
 * bundle has no {@code pg_basebackup}, so the base backup is taken with the server's own low-level API
 * ({@code pg_backup_start}/{@code pg_backup_stop} on one connection, the data directory copied in between), and a
 * physical replication slot created first keeps the WAL the standby needs. The standby ({@code standby.signal},
 * {@code primary_conninfo}) is then started by zonky like the primary (same binaries; as root through
 * {@code unshare -U}, which zonky does itself). The primary's default {@code pg_hba.conf} already admits
 * replication connections from 127.0.0.1 with the password, and PostgreSQL 15's defaults ({@code wal_level=replica},
 * {@code max_wal_senders=10}, {@code hot_standby=on}) need no change.
 */
public final class StreamingReplica implements AutoCloseable {

    static final String SLOT = "channelhub_test_replica";

    /** Not copied into a base backup (PostgreSQL's own list for pg_basebackup, plus zonky's lock file). */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label",
            "tablespace_map", "pg_internal.init");
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_subtrans", "log");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private StreamingReplica(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** A standby of the server on 127.0.0.1:{@code primaryPort} whose data is in {@code primaryData}, in {@code dataDirectory}. */
    public static StreamingReplica start(Path primaryData, int primaryPort, String password, Path dataDirectory) throws IOException {
        String url = "jdbc:postgresql://" + EmbeddedDatabase.LISTEN_ADDRESS + ":" + primaryPort + "/" + EmbeddedDatabase.DATABASE;
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, password); var st = c.createStatement()) {
            st.execute("select pg_create_physical_replication_slot('" + SLOT + "', true)");
            st.execute("select pg_backup_start('" + SLOT + "', true)");
            copy(primaryData, dataDirectory);
            try (var rs = st.executeQuery("select labelfile from pg_backup_stop(false)")) {
                rs.next();
                Files.writeString(dataDirectory.resolve("backup_label"), rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IOException("cannot take a base backup of the primary on port " + primaryPort, e);
        }
        Files.writeString(dataDirectory.resolve("standby.signal"), "");
        Files.writeString(dataDirectory.resolve("postgresql.auto.conf"), """
                primary_conninfo = 'host=%s port=%d user=%s password=%s application_name=%s'
                primary_slot_name = '%s'
                """.formatted(EmbeddedDatabase.LISTEN_ADDRESS, primaryPort, EmbeddedDatabase.USER, password, SLOT, SLOT),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false) // zonky runs initdb only when postgresql.conf is missing: the copy has one
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .setConnectConfig("password", password)
                // A hot standby needs at least the primary's max_connections (EmbeddedDatabase sets 200).
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", EmbeddedDatabase.LISTEN_ADDRESS)
                .setServerConfig("fsync", "off")
                .start();
        return new StreamingReplica(postgres, dataDirectory);
    }

    public int port() {
        return postgres.getPort();
    }

    public String reactiveUrl() {
        return "postgresql://" + EmbeddedDatabase.LISTEN_ADDRESS + ":" + port() + "/" + EmbeddedDatabase.DATABASE;
    }

    /** Copies a running server's data directory for a base backup: files that vanish meanwhile are skipped (WAL replays them). */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
                if (!dir.equals(from) && EMPTIED_DIRECTORIES.contains(dir.getFileName().toString()) && dir.getParent().equals(from)) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (SKIPPED_FILES.contains(file.getFileName().toString()) || file.getFileName().toString().startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException gone) {
                    // dropped while copying: the WAL from the backup's start says so too
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            try (var paths = Files.walk(dataDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException ignored) {
                // a temporary directory: the machine cleans it up
            }
        }
    }
}
