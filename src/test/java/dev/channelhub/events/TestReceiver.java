package dev.channelhub.events;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/** A webhook receiver on 127.0.0.1 (random port) that records every request and answers what the test says. */
final class TestReceiver implements AutoCloseable {

    record Received(Map<String, List<String>> headers, String body, int answered) {
        String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    volatile ToIntFunction<String> answer = body -> 200;

    TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answer.applyAsInt(body);
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> succeeded() {
        return received.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    static void await(String what, BooleanSupplier condition) {
        dev.channelhub.support.Await.until(what, Duration.ofSeconds(20), condition);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
