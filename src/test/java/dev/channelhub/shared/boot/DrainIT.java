package dev.channelhub.shared.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drain of docs/SCALING.md on the packaged application (issue 21): {@code target/quarkus-app/quarkus-run.jar} runs as
 * a process of its own on the embedded database (data under {@code target/it/drain}). Three orders are placed and held
 * before their transactions ({@code channelhub.orders.test-hold-before-transaction}, which only this test sets) when SIGTERM
 * arrives. The instance begins its drain, then refuses new calls (503, later connection refused), while the three
 * orders finish: 201 to their callers, and the database it leaves behind holds them committed. Runs in
 * {@code verify} (failsafe), after {@code package}.
 */
class DrainIT {

    private static final String TENANT = "drain-it";
    private static final Duration HOLD = Duration.ofSeconds(8);
    private static final int ORDERS = 3;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path work = Path.of(System.getProperty("channelhub.it.work", "target/it")).resolve("drain").toAbsolutePath();
    private final List<Server> servers = new ArrayList<>();

    /** One server process and every line it printed. */
    private final class Server {
        final Process process;
        final int port;
        final List<String> lines = new CopyOnWriteArrayList<>();

        Server(int port, String... jvmOptions) throws IOException {
            this.port = port;
            Path jar = Path.of(System.getProperty("channelhub.it.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
            assertTrue(Files.isRegularFile(jar), jar + " is built by the package phase");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m"));
            command.addAll(List.of(jvmOptions));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("CHANNELHUB_") || k.startsWith("MP_JWT") || k.startsWith("OTEL_"));
            env.put("PORT", Integer.toString(port));
            env.put("CHANNELHUB_DATA_DIR", work.toString());
            env.put("CHANNELHUB_SHUTDOWN_DELAY", "PT2S");
            env.put("CHANNELHUB_SHUTDOWN_TIMEOUT", "PT30S");
            env.put("CHANNELHUB_EMBEDDED_SHARED_BUFFERS", "32MB");
            process = builder.start();
            Path log = work.resolveSibling("drain-server-" + (servers.size() + 1) + ".log");
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                     PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                        out.println(line);
                        out.flush();
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "drain-it-output");
            reader.setDaemon(true);
            reader.start();
            servers.add(this);
        }

        long count(String text) {
            return lines.stream().filter(l -> l.contains(text)).count();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        void awaitReady() {
            await("the server on port " + port + " to be ready", Duration.ofSeconds(180), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the server exited: " + String.join("\n", lines));
                }
                try {
                    return http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Server s : servers) {
            // SIGTERM first: the server's shutdown hook stops its embedded PostgreSQL (a SIGKILL would orphan it).
            if (s.process.isAlive()) {
                s.process.destroy();
                if (!s.process.waitFor(60, TimeUnit.SECONDS)) {
                    s.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void ordersInFlightAtSigtermCompleteAndLaterCallsAreRefused() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work);
        Server server = new Server(freePort(), "-Dchannelhub.orders.test-hold-before-transaction=" + HOLD);
        server.awaitReady();
        // The server generated the data directory's development key at start: tokens signed with it are accepted.
        String token = DevKeys.ensure(work.resolve("keys")).sign(DevKeys.DEV_ISSUER, "drain-it", TENANT, List.of("admin", "sales"), null, 3600);

        String channel = call(server, "POST", "/api/v1/channels", token, Map.of("code", "D1", "name", "Direct", "type", "DIRECT"), 201)
                .path("id").asText();
        call(server, "POST", "/api/v1/locations", token, Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE", "priority", 10), 201);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            call(server, "POST", "/api/v1/products", token, Map.of("sku", "TEA-" + i, "name", "Tea " + i, "category", "tea", "unit", "EA"), 201);
            call(server, "PUT", "/api/v1/stock/WH/TEA-" + i, token, Map.of("onHand", 100, "reason", "drain test"), 200);
            entries.add(Map.of("sku", "TEA-" + i, "price", "10.00"));
        }
        call(server, "POST", "/api/v1/price-lists", token, Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries", entries), 201);

        // The orders: each is accepted and held before its transaction when SIGTERM arrives.
        List<CompletableFuture<HttpResponse<String>>> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(http.sendAsync(request(server, "POST", "/api/v1/orders", token,
                    Map.of("channelId", channel, "lines", List.of(Map.of("sku", "TEA-" + i, "quantity", 2)))), HttpResponse.BodyHandlers.ofString()));
        }
        await("all orders held before their commit", Duration.ofSeconds(60), () -> server.count("held for") >= ORDERS);
        assertTrue(orders.stream().noneMatch(CompletableFuture::isDone), "no order has been answered yet");

        server.process.destroy(); // SIGTERM
        await("the drain to begin", Duration.ofSeconds(30), () -> server.count("draining:") >= 1);

        // After the shutdown delay the instance takes no new calls: 503, or the connection is refused once it is gone.
        String refusal = null;
        while (refusal == null) {
            try {
                int status = http.send(request(server, "GET", "/api/v1/channels", token, null), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 503) {
                    refusal = "503";
                } else {
                    assertEquals(200, status, "calls are served until the delay ends");
                    Thread.sleep(100);
                }
            } catch (ConnectException e) {
                refusal = "connection refused";
            } catch (IOException e) {
                refusal = "connection closed: " + e;
            }
        }

        // Every order that was in flight completes.
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> order : orders) {
            HttpResponse<String> answer = order.get(60, TimeUnit.SECONDS);
            assertEquals(201, answer.statusCode(), answer.body());
            ids.add(json.readTree(answer.body()).path("id").asText());
        }
        assertTrue(server.process.waitFor(60, TimeUnit.SECONDS), "the process exits after the drain");
        assertTrue(refusal.equals("503") || refusal.startsWith("connection"), refusal);

        // The database the instance left behind (started again on its data directory): the orders were committed, with
        // their stock reserved.
        try (EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("pg"), true, Map.of());
             Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, db.password())) {
            PreparedStatement committed = c.prepareStatement("select count(*) from sales_order where tenant_id = ? and id = any(?::uuid[]) and status = 'SUBMITTED'");
            committed.setString(1, TENANT);
            committed.setArray(2, c.createArrayOf("text", ids.toArray()));
            assertEquals(ORDERS, single(committed), "the orders in flight at SIGTERM are committed");
            PreparedStatement reserved = c.prepareStatement("select coalesce(sum(reserved), 0) from stock_level where tenant_id = ?");
            reserved.setString(1, TENANT);
            assertEquals(ORDERS * 2L, single(reserved), "with their reservations");
        }
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private HttpRequest request(Server server, String method, String path, String token, Object body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        if (method.equals("POST")) {
            b.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    }

    private JsonNode call(Server server, String method, String path, String token, Object body, int expected) throws Exception {
        HttpResponse<String> answer = http.send(request(server, method, path, token, body), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, answer.statusCode(), method + " " + path + ": " + answer.body());
        JsonNode node = answer.body().isEmpty() ? json.createObjectNode() : json.readTree(answer.body());
        assertNotNull(node);
        return node;
    }

    private static void await(String what, Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
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
