package dev.channelhub.support;

import io.restassured.RestAssured;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client of a server-sent events stream: the status and headers at once, then events as they come. */
public final class SseClient implements AutoCloseable {

    /** One event as the stream sent it; {@code end} is the marker put after the stream closed. */
    public record Event(String id, String name, String data, boolean end) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public final int status;
    public final String contentType;
    public final String body;
    private final InputStream stream;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private SseClient(int status, String contentType, String body, InputStream stream) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.stream = stream;
    }

    /** Opens {@code path} (under the test server) with the token and headers; reads the error body when not 2xx. */
    public static SseClient open(String token, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<InputStream> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() >= 300) {
                try (InputStream in = r.body()) {
                    return new SseClient(r.statusCode(), type, new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
                }
            }
            SseClient client = new SseClient(r.statusCode(), type, null, r.body());
            Thread reader = new Thread(client::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
            return client;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        Map<String, String> fields = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (fields.containsKey("data") || fields.containsKey("event")) {
                        events.add(new Event(fields.get("id"), fields.get("event"), fields.get("data"), false));
                    }
                    fields.clear();
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String key = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
                    fields.merge(key, value, (a, b) -> a + "\n" + b);
                }
            }
        } catch (IOException e) {
            // closed by close() or by the server
        }
        events.add(new Event(null, null, null, true));
    }

    /** The next event (or the end marker), waiting at most {@code seconds}; null when none came. */
    public Event next(long seconds) throws InterruptedException {
        return events.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
