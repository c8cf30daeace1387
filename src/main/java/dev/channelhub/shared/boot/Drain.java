package dev.channelhub.shared.boot;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Graceful drain on SIGTERM (issue 21), in Quarkus's order:
 * <ol>
 *   <li>the shutdown delay begins ({@code quarkus.shutdown.delay}): readiness reports DOWN (Quarkus's
 *   graceful-shutdown check) so the balancer stops sending new calls, while calls still arriving are served; here the
 *   background work stops claiming: scheduled sweeps are paused and the webhook dispatcher claims no new deliveries
 *   ({@link #draining()}); a round already running finishes, and anything unclaimed stays in PostgreSQL for the
 *   other instances;</li>
 *   <li>then Quarkus refuses new requests with 503 and waits up to {@code quarkus.shutdown.timeout} for the ones in
 *   flight to finish;</li>
 *   <li>then the application stops (pools closed).</li>
 * </ol>
 */
@ApplicationScoped
public class Drain {

    private static final Logger LOG = Logger.getLogger(Drain.class);
    private static volatile boolean draining;

    private final Scheduler scheduler;

    public Drain(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void begin(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
        scheduler.pause();
        LOG.info("draining: readiness is DOWN, scheduled sweeps are paused and no new webhook deliveries are claimed; "
                + "requests in flight finish within quarkus.shutdown.timeout");
    }

    /** True once the instance has begun to shut down: take no new background work. */
    public static boolean draining() {
        return draining;
    }
}
