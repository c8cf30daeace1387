package dev.channelhub.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import io.smallrye.health.api.AsyncHealthCheck;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox lag (issue 21): how far webhook fan-out is behind the outbox, in seconds ({@link OutboxRepository#LAG}).
 * It is the gauge {@code channelhub_outbox_lag_seconds} (measured every {@code channelhub.outbox.lag-sample-every})
 * and a readiness check ({@code outbox} under {@code /q/health/ready}) that is DOWN while the lag is above
 * {@code channelhub.outbox.max-lag}: a stuck dispatcher or a transaction that holds the outbox back shows up before
 * customers notice missing webhooks. The lag is the same for every instance (it is measured in the database).
 */
@ApplicationScoped
@Readiness
public class OutboxLag implements AsyncHealthCheck {

    private static final Logger LOG = Logger.getLogger(OutboxLag.class);

    private final OutboxRepository outbox;
    private final io.vertx.core.Vertx vertx;
    private final Duration maxLag;
    private final Duration sampleEvery;
    private final AtomicLong lastMillis = new AtomicLong();
    private volatile long timer = -1;

    public OutboxLag(OutboxRepository outbox, io.vertx.core.Vertx vertx, OutboxConfig config, MeterRegistry registry) {
        this.outbox = outbox;
        this.vertx = vertx;
        this.maxLag = config.maxLag();
        this.sampleEvery = config.lagSampleEvery();
        Gauge.builder("channelhub.outbox.lag.seconds", lastMillis, m -> m.get() / 1000.0)
                .description("Age in seconds of the oldest outbox event not yet fanned out to an active webhook (0: caught up)")
                .baseUnit("seconds").register(registry);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(Math.max(1000, sampleEvery.toMillis()), id -> measure().subscribe().with(x -> { },
                t -> LOG.debugf("outbox lag not measured: %s", t.toString())));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Measures the lag now and updates the gauge. */
    public Uni<Duration> measure() {
        return outbox.lagSeconds().map(seconds -> {
            long millis = Math.round(seconds * 1000);
            lastMillis.set(millis);
            return Duration.ofMillis(millis);
        });
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return measure().map(lag -> evaluate(lag, maxLag))
                .onFailure().recoverWithItem(t -> HealthCheckResponse.named("outbox").down()
                        .withData("error", t.getClass().getSimpleName()).build());
    }

    /** DOWN when the lag is above the bound. */
    static HealthCheckResponse evaluate(Duration lag, Duration maxLag) {
        return HealthCheckResponse.named("outbox").status(lag.compareTo(maxLag) <= 0)
                .withData("lagSeconds", lag.toSeconds()).withData("maxLagSeconds", maxLag.toSeconds()).build();
    }
}
