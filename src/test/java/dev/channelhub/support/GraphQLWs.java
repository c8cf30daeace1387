package dev.channelhub.support;

import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A graphql-transport-ws client on java.net.http: pongs the server's pings, and a close arrives as a "closed" message. */
public final class GraphQLWs implements WebSocket.Listener, AutoCloseable {

    public final LinkedBlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    public volatile int closeCode;
    private WebSocket ws;

    /** No Authorization header on the upgrade (as a browser does); the token, if any, in {@code initPayload}. */
    public static GraphQLWs open(JsonObject initPayload) throws Exception {
        return open(null, initPayload);
    }

    /** The token in the connection_init payload. */
    public static GraphQLWs withToken(String token) throws Exception {
        return open(new JsonObject().put("Authorization", "Bearer " + token));
    }

    /** The token on the upgrade request (non-browser clients). */
    public static GraphQLWs withHeader(String token) throws Exception {
        return open(token, new JsonObject());
    }

    private static GraphQLWs open(String headerToken, JsonObject initPayload) throws Exception {
        GraphQLWs c = new GraphQLWs();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(10));
        if (headerToken != null) {
            builder.header("Authorization", "Bearer " + headerToken);
        }
        c.ws = builder.buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/graphql"), c).get(10, TimeUnit.SECONDS);
        c.send(new JsonObject().put("type", "connection_init").put("payload", initPayload));
        JsonObject ack = c.next(10);
        assertNotNull(ack, "connection_ack");
        assertEquals("connection_ack", ack.getString("type"), ack.encode());
        return c;
    }

    public void subscribe(String id, String query, JsonObject variables) {
        send(new JsonObject().put("id", id).put("type", "subscribe")
                .put("payload", new JsonObject().put("query", query).put("variables", variables)));
    }

    public void send(JsonObject message) {
        ws.sendText(message.encode(), true).join();
    }

    public JsonObject next() throws InterruptedException {
        return next(10);
    }

    /** The next message other than a ping within {@code seconds} (the server pings every 10 s). */
    public JsonObject next(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            JsonObject m = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null || !"ping".equals(m.getString("type"))) {
                return m;
            }
            send(new JsonObject().put("type", "pong"));
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(new JsonObject(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        messages.add(new JsonObject().put("type", "closed").put("code", statusCode).put("reason", reason));
        return null;
    }

    @Override
    public void close() {
        ws.abort();
    }
}
