package dev.channelhub.pricing;

import dev.channelhub.support.Api;
import dev.channelhub.support.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.channelhub.pricing.PricingFixture.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answered quotes are timed on /q/metrics (channelhub_quote_latency_seconds, issue 21); a refused one is not. */
@QuarkusTest
class QuoteMetricsTest {

    private static final String COUNT = "channelhub_quote_latency_seconds_count";
    private static final String SUM = "channelhub_quote_latency_seconds_sum";

    @Test
    void anAnsweredQuoteMovesTheLatencyTimer() {
        PricingFixture f = new PricingFixture();
        String shop = f.channel("SHOP", "RETAIL_STORE");
        f.product("TEA", null);
        f.priceList("BASE", Map.of(), null, "TEA", "10.00");
        double count = Metrics.value(COUNT);
        double sum = Metrics.value(SUM);
        assertFalse(Double.isNaN(count), "the timer is served before the first quote");

        Api.as(f.admin).body(quote(shop, "TEA", 2)).post("/api/v1/prices/quote").then().statusCode(200);
        assertEquals(count + 1, Metrics.value(COUNT));
        assertTrue(Metrics.value(SUM) > sum, "the quote took some time");

        // A caller who may not quote is refused before the engine runs: not a quote answered.
        Api.as(dev.channelhub.support.Tokens.token(f.tenant, "viewer")).body(quote(shop, "TEA", 1)).post("/api/v1/prices/quote")
                .then().statusCode(403);
        assertEquals(count + 1, Metrics.value(COUNT));
        assertTrue(Double.isNaN(Metrics.value("channelhub_quote_latency_seconds_bucket")), "no histogram unless configured");
    }
}
