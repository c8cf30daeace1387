package dev.channelhub.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event type the code emits is documented as an OpenAPI 3.1 webhook, with its signature headers. */
class WebhookEventsDocTest {

    /** An event type as the code writes it: a quoted "aggregate.what" next to an outbox.append. */
    private static final Pattern TYPE = Pattern.compile("\"([a-z][a-z_]*\\.[a-z][A-Za-z_]*)\"");

    @Test
    void everyEmittedEventTypeIsInTheCatalogue() throws IOException {
        Set<String> emitted = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String text = read(f);
                int at = 0;
                while ((at = text.indexOf("outbox.append(", at)) >= 0) {
                    // The type is one of the first string literals of the call (a ternary may hold two).
                    Matcher m = TYPE.matcher(text.substring(at, Math.min(text.length(), at + 300)));
                    int found = 0;
                    while (m.find() && found < 2) {
                        emitted.add(m.group(1));
                        found++;
                    }
                    at++;
                }
            });
        }
        Set<String> documented = new TreeSet<>();
        WebhookEventsOpenApiFilter.EVENTS.forEach(e -> documented.add(e.type()));
        Set<String> missing = new TreeSet<>(emitted);
        missing.removeAll(documented);
        assertTrue(emitted.size() > 30, "read the sources: " + emitted);
        assertTrue(missing.isEmpty(), "event types emitted but not in WebhookEventsOpenApiFilter.EVENTS: " + missing);
    }

    @Test
    void theCommittedDocumentHasAWebhookPerEventTypeWithItsSignatureHeaders() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(Files.readString(Path.of("openapi/openapi.json")));
        JsonNode webhooks = doc.path("webhooks");
        assertEquals(WebhookEventsOpenApiFilter.EVENTS.size(), webhooks.size(), "one webhook per event type");
        for (WebhookEventsOpenApiFilter.EventDoc event : WebhookEventsOpenApiFilter.EVENTS) {
            JsonNode post = webhooks.path(event.type()).path("post");
            assertFalse(post.isMissingNode(), event.type());
            assertFalse(post.path("description").asText("").isBlank(), event.type());
            Set<String> headers = new TreeSet<>();
            post.path("parameters").forEach(p -> headers.add(p.path("in").asText() + " " + p.path("name").asText()));
            assertTrue(headers.containsAll(Set.of("header X-ChannelHub-Signature", "header X-ChannelHub-Timestamp",
                    "header X-ChannelHub-Event-Id")), event.type() + ": " + headers);
            JsonNode parts = post.path("requestBody").path("content").path("application/json").path("schema").path("allOf");
            assertEquals("#/components/schemas/WebhookEvent", parts.path(0).path("$ref").asText(), event.type());
            assertEquals(event.type(), parts.path(1).path("properties").path("type").path("const").asText(), event.type());
            assertFalse(parts.path(1).path("properties").path("data").isMissingNode(), event.type());
        }
        JsonNode envelope = doc.path("components").path("schemas").path("WebhookEvent");
        for (String field : new String[]{"id", "type", "sequence", "occurredAt", "aggregateType", "aggregateId", "channelId", "actor", "data"}) {
            assertFalse(envelope.path("properties").path(field).isMissingNode(), "WebhookEvent." + field);
        }
        assertTrue(webhooks.path("order.placed").path("post").path("requestBody").path("content").path("application/json")
                        .path("schema").path("allOf").path(1).path("properties").path("data").path("$ref").asText()
                .startsWith("#/components/schemas/"), "a view's payload names its schema (rename EventDoc.component with the schema)");
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
