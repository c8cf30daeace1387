package dev.channelhub.shared.boot;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded PostgreSQL of `java -jar` and the tests: loopback only, and a password for every connection. */
class EmbeddedDatabaseAuthTest {

    @Test
    void listensOnLoopbackOnlyAndRequiresItsKeptPassword() throws Exception {
        Path data = Files.createTempDirectory("auth-pg").resolve("pg");
        String password;
        EmbeddedDatabase db = EmbeddedDatabase.start(data, true, Map.of());
        try {
            password = db.password();
            Path file = EmbeddedDatabase.passwordFile(data);
            assertEquals(password, Files.readString(file).trim());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            try (var c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, password);
                 var rs = c.createStatement().executeQuery("show listen_addresses")) {
                assertTrue(rs.next());
                assertEquals("127.0.0.1", rs.getString(1));
                c.createStatement().execute("create table kept (n int)");
            }
            assertRefused(db.jdbcUrl(), "");
            assertRefused(db.jdbcUrl(), "not-the-password");
            assertRefused("jdbc:postgresql://localhost:" + db.port() + "/postgres", "");
        } finally {
            db.close();
        }
        // A restart on the kept data directory finds its password again.
        EmbeddedDatabase again = EmbeddedDatabase.start(data, true, Map.of());
        try (var c = DriverManager.getConnection(again.jdbcUrl(), EmbeddedDatabase.USER, again.password())) {
            assertEquals(password, again.password());
            c.createStatement().executeQuery("select count(*) from kept").close();
            assertRefused(again.jdbcUrl(), "");
        } finally {
            again.close();
        }
    }

    @Test
    void aDataDirectoryFromBeforeWithTrustAuthenticationIsSwitchedToPasswords() throws Exception {
        Path data = Files.createTempDirectory("legacy-pg").resolve("pg");
        try (var legacy = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).start();
             var c = legacy.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create table kept (n int)");
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(data, true, Map.of());
        try (var c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, db.password())) {
            c.createStatement().executeQuery("select count(*) from kept").close();
            assertRefused(db.jdbcUrl(), "");
            assertEquals(db.password(), Files.readString(EmbeddedDatabase.passwordFile(data)).trim());
        } finally {
            db.close();
        }
    }

    private static void assertRefused(String url, String password) {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, EmbeddedDatabase.USER, password).close());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }
}
