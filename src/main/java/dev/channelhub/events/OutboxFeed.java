package dev.channelhub.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A live, in-memory feed of committed outbox events for GraphQL subscriptions. It polls only while someone
 * listens, in the same (tx_id, seq) order below the oldest running transaction as the webhook fan-out, so a
 * late-committing transaction is never skipped. Subscriptions are live views: unlike webhooks they do not
 * replay what happened while nobody was connected.
 */
@ApplicationScoped
public class OutboxFeed {

    private static final Logger LOG = Logger.getLogger(OutboxFeed.class);
    private static final int BATCH = 1000;

    private final OutboxRepository outbox;
    private final io.vertx.core.Vertx vertx;
    private final Duration pollInterval;

    public OutboxFeed(OutboxRepository outbox, io.vertx.core.Vertx vertx, SubscriptionConfig config) {
        this.outbox = outbox;
        this.vertx = vertx;
        this.pollInterval = config.pollInterval();
    }

    private final BroadcastProcessor<OutboxEvent> hub = BroadcastProcessor.create();
    private final AtomicInteger listeners = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long cursorTx = -1;
    private volatile long cursorSeq = Long.MAX_VALUE;
    private volatile long timer = -1;

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(Math.max(50, pollInterval.toMillis()), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Committed events whose type starts with {@code typePrefix}, from now on, for as long as the subscriber stays. */
    public Multi<OutboxEvent> events(String typePrefix) {
        return Multi.createFrom().deferred(() -> {
                    listeners.incrementAndGet();
                    return hub;
                })
                // A slow subscriber buffers (and is dropped past the bound) instead of failing the shared hub.
                .onOverflow().buffer(4096)
                .filter(e -> e.type().startsWith(typePrefix))
                .onTermination().invoke(() -> {
                    if (listeners.decrementAndGet() == 0) {
                        cursorTx = -1;
                    }
                });
    }

    void tick() {
        if (listeners.get() == 0 || !running.compareAndSet(false, true)) {
            return;
        }
        poll().subscribe().with(n -> running.set(false), t -> {
            running.set(false);
            LOG.warnf("subscription feed poll failed: %s", t.toString());
        });
    }

    private Uni<Integer> poll() {
        if (cursorTx < 0) {
            // First listener: start at "now" (everything below the oldest running transaction is history).
            return outbox.feedStart()
                    .map(x -> {
                        cursorTx = x;
                        cursorSeq = Long.MAX_VALUE;
                        return 0;
                    });
        }
        return outbox.feedNext(cursorTx, cursorSeq, BATCH)
                .map(events -> {
                    for (OutboxEvent e : events) {
                        hub.onNext(e);
                        cursorTx = e.txId();
                        cursorSeq = e.seq();
                    }
                    dev.channelhub.events.graphql.GraphQLContextLeak.clear();
                    return events.size();
                });
    }
}
