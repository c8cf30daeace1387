package dev.channelhub.events;

import dev.channelhub.support.Api;
import dev.channelhub.support.Metrics;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook delivery attempts are counted by outcome, and the outbox lag gauge is served (issue 21). */
@QuarkusTest
class WebhookMetricsTest {

    private static final String OK = "channelhub_webhook_deliveries_total{outcome=\"ok\"}";
    private static final String FAILED = "channelhub_webhook_deliveries_total{outcome=\"failed\"}";

    @Test
    void deliveriesAreCountedByOutcomeAndTheLagGaugeIsServed() throws Exception {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        try (TestReceiver good = new TestReceiver(); TestReceiver bad = new TestReceiver()) {
            bad.answer = body -> 500;
            double ok = zeroIfAbsent(Metrics.value(OK));
            double failed = zeroIfAbsent(Metrics.value(FAILED));
            for (TestReceiver r : List.of(good, bad)) {
                Api.as(admin).body(new JsonObject().put("url", r.url()).put("events", List.of("channel.created"))
                        .put("secret", "test-secret-0123456789").encode()).post("/api/v1/webhooks").then().statusCode(201);
            }
            Api.as(admin).body(Map.of("code", "M", "name", "M", "type", "DIRECT")).post("/api/v1/channels").then().statusCode(201);
            TestReceiver.await("a delivery to each receiver", () -> !good.succeeded().isEmpty() && !bad.received.isEmpty());
            TestReceiver.await("the ok count", () -> Metrics.value(OK) >= ok + 1);
            TestReceiver.await("the failed count", () -> Metrics.value(FAILED) >= failed + 1);
        }
        double lag = Metrics.value("channelhub_outbox_lag_seconds");
        assertFalse(Double.isNaN(lag), "the gauge is served");
        assertTrue(lag >= 0);
    }

    private static double zeroIfAbsent(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
