package dev.channelhub.events;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The readiness rule of the outbox lag: UP up to and including the bound, DOWN above it (issue 21). */
class OutboxLagTest {

    @Test
    void downOnlyAboveTheBound() {
        Duration max = Duration.ofMinutes(5);
        assertEquals(HealthCheckResponse.Status.UP, OutboxLag.evaluate(Duration.ZERO, max).getStatus());
        assertEquals(HealthCheckResponse.Status.UP, OutboxLag.evaluate(max, max).getStatus());
        assertEquals(HealthCheckResponse.Status.DOWN, OutboxLag.evaluate(max.plusSeconds(1), max).getStatus());
        assertEquals(301L, OutboxLag.evaluate(max.plusSeconds(1), max).getData().get().get("lagSeconds"));
    }
}
