package dev.channelhub.shared.boot;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After the API is killed (kill -9) its embedded PostgreSQL keeps running; the restart on the same data
 * directory must still come up (found by bench/fault-kill-api.sh: the first restart failed with
 * "lock file postmaster.pid already exists"). A child JVM starts the database and is killed with SIGKILL.
 */
class EmbeddedDatabaseOrphanTest {

    /** The child: starts the embedded database, writes a row, says "ready", waits to be killed. */
    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), true, Map.of());
        try (var c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, db.password())) {
            c.createStatement().execute("create table kept (n int); insert into kept values (42)");
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(600_000);
    }

    @Test
    void aRestartAfterTheProcessWasKilledStopsThePostgresLeftRunningAndStartsOnTheSameData() throws Exception {
        Path data = Files.createTempDirectory("orphan-pg").resolve("pg");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseOrphanTest.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // zonky's start-up log
            }
            assertEquals("ready", line, "the child started its database");
        }
        long orphanPid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false), "PostgreSQL outlives the killed JVM");

        EmbeddedDatabase restarted = EmbeddedDatabase.start(data, true, Map.of());
        try (var c = DriverManager.getConnection(restarted.jdbcUrl(), EmbeddedDatabase.USER, restarted.password())) {
            var rs = c.createStatement().executeQuery("select n from kept");
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        } finally {
            restarted.close();
        }
        assertFalse(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false), "the orphan postmaster was stopped");
    }
}
