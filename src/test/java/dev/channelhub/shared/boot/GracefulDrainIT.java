package dev.channelhub.shared.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drain of docs/SCALING.md on the packaged application (issue 21): {@code target/quarkus-app/quarkus-run.jar} runs as a
 * process of its own on a fresh embedded database (data under {@code target/it/drain}), with a token minted by the jar's
 * {@code token} command as the README shows. An order is held in flight without any test hook in the server: the test
 * locks the stock row the order reserves ({@code select ... for update} in an open transaction on the server's own
 * embedded PostgreSQL), and waits until PostgreSQL shows the order's statement waiting for that lock. Then SIGTERM:
 * readiness goes DOWN, then (after the shutdown delay) Quarkus takes no new calls and waits for those in flight, while
 * the order is still waiting; only then is the lock released. The order completes (201), the process exits by itself, and the database (started again on the data
 * directory the server left) holds the order committed with its reservation.
 *
 * <p>Nothing here decides by time: every wait is a poll of a state with a generous bound. Runs in {@code verify}
 * (maven-failsafe, after {@code package}); {@code -DskipITs} skips it.
 */
class GracefulDrainIT {

    private static final String TENANT = "drain-it";
    private static final String SKU = "TEA-1";
    private static final Duration GENEROUS = Duration.ofSeconds(120);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path work = Path.of(System.getProperty("channelhub.it.work", "target/it")).resolve("drain").toAbsolutePath();
    private final Path jar = Path.of(System.getProperty("channelhub.it.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    private final Path log = work.resolveSibling("drain-server.log");
    private Process server;
    private int port;

    @AfterEach
    void stopServer() throws InterruptedException {
        // SIGTERM, never SIGKILL first: the server's shutdown stops its embedded PostgreSQL (a SIGKILL would orphan it).
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(90, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void anOrderInFlightAtSigtermCompletesAndTheProcessThenExits() throws Exception {
        assertTrue(Files.isRegularFile(jar), jar + " is built by the package phase (run this test with ./mvnw verify)");
        deleteRecursively(work);
        Files.createDirectories(work);
        start();
        awaitReady();
        String token = mintToken();

        String channel = call("POST", "/api/v1/channels", token, Map.of("code", "ONLINE", "name", "Online", "type", "ONLINE_STORE"), 201)
                .path("id").asText();
        call("POST", "/api/v1/locations", token, Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE", "priority", 10), 201);
        call("POST", "/api/v1/products", token, Map.of("sku", SKU, "name", "Tea"), 201);
        call("POST", "/api/v1/price-lists", token, Map.of("code", "BASE", "name", "Base", "currency", "CNY",
                "entries", List.of(Map.of("sku", SKU, "price", "10.00"))), 201);
        call("PUT", "/api/v1/stock/WH/" + SKU, token, Map.of("onHand", 100), 200);

        try (Connection db = connectToTheServersDatabase()) {
            // The order's reservation updates this stock row: while the test holds the row, the order waits inside its
            // transaction, in flight, for as long as the test wants.
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement(
                    "select s.reserved from stock_level s where s.tenant_id = ? and s.sku = ? for update")) {
                lock.setString(1, TENANT);
                lock.setString(2, SKU);
                try (ResultSet rs = lock.executeQuery()) {
                    assertTrue(rs.next(), "the stock row exists");
                    assertEquals(0, rs.getLong(1));
                }
            }
            CompletableFuture<HttpResponse<String>> order = http.sendAsync(request("POST", "/api/v1/orders", token,
                    Map.of("channelId", channel, "lines", List.of(Map.of("sku", SKU, "quantity", 2)))), HttpResponse.BodyHandlers.ofString());
            await("the order to wait for the test's lock on the stock row", () -> {
                if (order.isDone()) {
                    throw new AssertionError("the order was answered before it waited: " + order.join().body() + "\n" + activity(db));
                }
                return waitingForALock(db);
            });

            server.destroy(); // SIGTERM
            // The drain: readiness DOWN first (the balancer stops sending), calls still served during the delay.
            await("readiness to report DOWN", () -> alive(order) && status("/q/health/ready", null) == 503);
            // After the delay, Quarkus stops taking new calls and waits (up to quarkus.shutdown.timeout) for those in flight.
            await("the server to wait for the requests in flight", () -> alive(order)
                    && lines().stream().anyMatch(l -> l.contains("Waiting for HTTP requests to complete")));
            assertFalse(order.isDone(), () -> "the order is still in flight, waiting for the stock row; it was answered: "
                    + order.handle((r, e) -> e != null ? e.toString() : r.statusCode() + " " + r.body()).join() + "\n" + activity(db)
                    + "\n" + String.join("\n", lines()));
            assertTrue(server.isAlive(), "the server waits for the order in flight");
            assertTrue(waitingForALock(db), "the order's statement still waits for the lock");

            db.rollback(); // the order may go on
            HttpResponse<String> answer = order.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertEquals(201, answer.statusCode(), answer.body());
            String id = json.readTree(answer.body()).path("id").asText();
            assertTrue(server.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS), "the process exits after the drain");
            int exit = server.exitValue();
            // 143 = 128 + SIGTERM: the JVM's status after a SIGTERM whose shutdown hooks completed (it cannot be changed
            // from a hook); anything else (1 = failed stop, 137 = killed) is a broken drain.
            assertTrue(exit == 0 || exit == 143, "exit status " + exit + "\n" + String.join("\n", lines()));
            assertTrue(lines().stream().anyMatch(l -> l.contains("draining:")), "Drain logged its start");

            // The database the instance left behind, started again on its data directory: the order is committed.
            try (EmbeddedDatabase after = EmbeddedDatabase.start(work.resolve("pg"), true, Map.of());
                 Connection c = DriverManager.getConnection(after.jdbcUrl(), EmbeddedDatabase.USER, after.password());
                 PreparedStatement committed = c.prepareStatement("""
                         select o.status, s.reserved from sales_order o, stock_level s
                         where o.tenant_id = ? and o.id = ?::uuid and s.tenant_id = o.tenant_id and s.sku = ?""")) {
                committed.setString(1, TENANT);
                committed.setString(2, id);
                committed.setString(3, SKU);
                try (ResultSet rs = committed.executeQuery()) {
                    assertTrue(rs.next(), "the order in flight at SIGTERM is committed");
                    assertEquals(2, rs.getLong("reserved"), "with its reservation");
                }
            }
        }
    }

    /** Fails at once (with what the server printed) when the server is gone while the order is still held. */
    private boolean alive(CompletableFuture<HttpResponse<String>> order) {
        if (!server.isAlive()) {
            throw new AssertionError("the server exited (" + server.exitValue() + ") while the order was held; order: "
                    + (order.isDone() ? order.handle((r, e) -> e != null ? e.toString() : r.statusCode() + " " + r.body()).join() : "pending")
                    + "\n" + String.join("\n", lines()));
        }
        return true;
    }

    private void start() throws IOException {
        port = freePort();
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment(builder.environment());
        builder.environment().put("PORT", Integer.toString(port));
        // A short delay keeps the test fast; the timeout is far above what the order needs once the lock is gone.
        builder.environment().put("CHANNELHUB_SHUTDOWN_DELAY", "PT1S");
        builder.environment().put("CHANNELHUB_SHUTDOWN_TIMEOUT", "PT60S");
        builder.redirectOutput(log.toFile());
        server = builder.start();
    }

    /** What the server has printed so far. */
    private List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }

    /** The server's environment: this data directory, nothing inherited that would point it elsewhere. */
    private void environment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("CHANNELHUB_") || k.startsWith("MP_JWT") || k.startsWith("OTEL_"));
        env.put("CHANNELHUB_DATA_DIR", work.toString());
        env.put("CHANNELHUB_EMBEDDED_SHARED_BUFFERS", "32MB");
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The README's way: {@code java -jar quarkus-run.jar token --tenant ... --roles ...} on the server's data directory. */
    private String mintToken() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-jar", jar.toString(), "token", "--tenant", TENANT, "--roles", "admin,sales");
        environment(builder.environment());
        Process p = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String token = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the token command finishes");
        assertEquals(0, p.exitValue(), "token command");
        return token;
    }

    /** The embedded PostgreSQL the server started: its port from postmaster.pid (4th line), its password beside the data. */
    private Connection connectToTheServersDatabase() throws IOException, SQLException {
        Path data = work.resolve("pg");
        List<String> pid = Files.readAllLines(data.resolve("postmaster.pid"));
        Properties props = new Properties();
        props.setProperty("user", EmbeddedDatabase.USER);
        props.setProperty("password", Files.readString(EmbeddedDatabase.passwordFile(data)).trim());
        props.setProperty("ApplicationName", "drain-it");
        return DriverManager.getConnection("jdbc:postgresql://" + EmbeddedDatabase.LISTEN_ADDRESS + ":" + pid.get(3).trim() + "/"
                + EmbeddedDatabase.DATABASE, props);
    }

    /** True when a session of the server waits for a lock the test's session holds (the order behind the stock row). */
    private static boolean waitingForALock(Connection db) {
        try (PreparedStatement st = db.prepareStatement("""
                select count(*) from pg_stat_activity
                where wait_event_type = 'Lock' and pg_backend_pid() = any(pg_blocking_pids(pid))""");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String activity(Connection db) {
        try (PreparedStatement st = db.prepareStatement("""
                select pid, application_name, state, wait_event_type, wait_event, pg_blocking_pids(pid)::text, left(query, 300)
                from pg_stat_activity where datname is not null""");
             ResultSet rs = st.executeQuery()) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                for (int i = 1; i <= 7; i++) {
                    out.append(rs.getString(i)).append(i < 7 ? " | " : "\n");
                }
            }
            return out.toString();
        } catch (SQLException e) {
            return e.toString();
        }
    }

    private void awaitReady() {
        await("the server on port " + port + " to be ready", () -> {
            if (!server.isAlive()) {
                throw new AssertionError("the server exited: " + String.join("\n", lines()));
            }
            return status("/q/health/ready", null) == 200;
        });
    }

    /** The status of a GET, or -1 when the connection fails. */
    private int status(String path, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            // A client of its own, so a new connection: not one the order's client keeps alive.
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            return probe.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest request(String method, String path, String token, Object body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(GENEROUS)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (method.equals("POST")) {
            b.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    }

    private JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        HttpResponse<String> answer = http.send(request(method, path, token, body), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, answer.statusCode(), method + " " + path + ": " + answer.body());
        return answer.body().isEmpty() ? json.createObjectNode() : json.readTree(answer.body());
    }

    private static void await(String what, BooleanSupplier condition) {
        dev.channelhub.support.Await.until(what, GENEROUS, condition);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
