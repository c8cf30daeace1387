package dev.channelhub.analytics;

import dev.channelhub.shared.boot.Drain;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the sales rollups current from the outbox: every {@code channelhub.analytics.rollup-poll} (500 ms) an instance
 * applies the committed {@code order.placed} / {@code order.cancelled} events past the cursor, in batches of
 * {@code rollup-batch}, each batch with its cursor move in one transaction (exactly once, whichever instance). Orders
 * no longer pay the rollup's upserts in their own transaction. Readers of the rollups call {@link #catchUp()} first, so
 * a report still shows every order committed before it (docs/KPIS.md states the bound).
 */
@ApplicationScoped
public class SalesRollupFeed implements dev.channelhub.shared.persistence.DerivedReads {

    private static final Logger LOG = Logger.getLogger(SalesRollupFeed.class);

    private final SalesRollupFeedRepository repository;
    private final AnalyticsSettings settings;
    private final io.vertx.core.Vertx vertx;
    private final AnalyticsConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    public SalesRollupFeed(SalesRollupFeedRepository repository, AnalyticsSettings settings, io.vertx.core.Vertx vertx,
                           AnalyticsConfig config) {
        this.repository = repository;
        this.settings = settings;
        this.vertx = vertx;
        this.config = config;
    }

    // A Vert.x timer rather than @Scheduled: the scheduler does not go below one second.
    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(Math.max(50, config.rollupPoll().toMillis()), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void tick() {
        if (Drain.draining() || !running.compareAndSet(false, true)) {
            return;
        }
        drain(0).subscribe().with(n -> running.set(false), t -> {
            running.set(false);
            LOG.warnf("sales rollup feed failed: %s", t.toString());
        });
    }

    /** Batches until one comes back short (or another instance is applying); answers the events read. */
    private Uni<Integer> drain(int done) {
        int batch = config.rollupBatch();
        return repository.applyInBackground(settings.zoneName(), batch)
                .flatMap(n -> n == batch && done < 100 * batch ? drain(done + n) : Uni.createFrom().item(done + Math.max(0, n)));
    }

    /**
     * Applies what is pending before a rollup read, waiting for a batch another instance is applying: the read then
     * sees every order committed before it, except those whose transaction started before a still-running one
     * (the outbox readers' rule), which the next poll applies.
     */
    @Override
    public Uni<Void> catchUp() {
        return repository.applyNow(settings.zoneName(), config.rollupCatchUpLimit()).replaceWithVoid();
    }
}
