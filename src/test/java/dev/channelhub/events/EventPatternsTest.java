package dev.channelhub.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventPatternsTest {

    @Test
    void patternsMatchDottedTypes() {
        assertTrue(EventPatterns.matches("*", "order.placed"));
        assertTrue(EventPatterns.matches("order.*", "order.placed"));
        assertTrue(EventPatterns.matches("order.placed", "order.placed"));
        assertTrue(EventPatterns.matches("*.created", "channel.created"));
        assertFalse(EventPatterns.matches("*.created", "channel.status_changed"));
        assertFalse(EventPatterns.matches("order.*", "orders.placed"));
        assertFalse(EventPatterns.matches("order.placed", "order.paid"));
        assertFalse(EventPatterns.matches("order", "order.placed"));
        assertFalse(EventPatterns.matches("order.placed.x", "order.placed"));
    }

    @Test
    void onlyWellFormedPatternsAreValid() {
        assertTrue(EventPatterns.valid("order.*"));
        assertTrue(EventPatterns.valid("channel.status_changed"));
        assertTrue(EventPatterns.valid("*"));
        assertFalse(EventPatterns.valid(""));
        assertFalse(EventPatterns.valid("order.%"));
        assertFalse(EventPatterns.valid("Order.Placed"));
        assertFalse(EventPatterns.valid("order..placed"));
        assertFalse(EventPatterns.valid(null));
    }

    @Test
    void signatureCoversTimestampAndBody() {
        String sig = WebhookSigner.sign("0123456789abcdef", 1700000000L, "{\"a\":1}");
        assertTrue(sig.startsWith("sha256="));
        assertEquals(7 + 64, sig.length());
        assertTrue(WebhookSigner.verify("0123456789abcdef", "1700000000", "{\"a\":1}", sig));
        assertFalse(WebhookSigner.verify("0123456789abcdef", "1700000001", "{\"a\":1}", sig));
        assertFalse(WebhookSigner.verify("0123456789abcdef", "1700000000", "{\"a\":2}", sig));
        assertFalse(WebhookSigner.verify("another-secret-0000", "1700000000", "{\"a\":1}", sig));
        // Known answer, computed independently (Python hmac).
        assertEquals("sha256=9eb18f493f8ec135d9eb2dad817c369bb4e9cbfa818657897a7437c1cd8c3a23", sig);
    }

    @Test
    void backoffDoublesUpToTheCap() {
        Duration base = Duration.ofSeconds(5);
        Duration max = Duration.ofMinutes(1);
        assertEquals(Duration.ofSeconds(5), WebhookDispatcher.backoff(1, base, max));
        assertEquals(Duration.ofSeconds(10), WebhookDispatcher.backoff(2, base, max));
        assertEquals(Duration.ofSeconds(40), WebhookDispatcher.backoff(4, base, max));
        assertEquals(Duration.ofMinutes(1), WebhookDispatcher.backoff(5, base, max));
        assertEquals(Duration.ofMinutes(1), WebhookDispatcher.backoff(60, base, max));
    }
}
