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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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

    /** A position in the outbox's delivery order, (tx_id, seq). */
    public record Position(long txId, long seq) {

        static Position of(OutboxEvent e) {
            return new Position(e.txId(), e.seq());
        }

        boolean before(OutboxEvent e) {
            return txId < e.txId() || (txId == e.txId() && seq < e.seq());
        }
    }

    /** Where the tenant's event with this sequence number sits in delivery order (empty: no such event). */
    public Uni<Optional<Position>> position(String tenant, long sequence) {
        return outbox.position(tenant, sequence).map(p -> p.map(xs -> new Position(xs[0], xs[1])));
    }

    /**
     * The tenant's committed events after {@code after}, then live ones, in delivery order and without a gap or a
     * duplicate. History is read in pages below the oldest running transaction; the live feed may have started later
     * than that point, so before its first event everything between the last event sent and that one is read too.
     */
    public Multi<OutboxEvent> eventsAfter(String tenant, String typePrefix, Position after) {
        return Multi.createFrom().deferred(() -> {
            AtomicReference<Position> last = new AtomicReference<>(after);
            AtomicBoolean gapChecked = new AtomicBoolean();
            Multi<OutboxEvent> history = pages(tenant, typePrefix, last, null);
            Multi<OutboxEvent> live = events(typePrefix)
                    .filter(e -> tenant.equals(e.tenant()))
                    .onItem().transformToMultiAndConcatenate(e -> {
                        if (!last.get().before(e)) {
                            return Multi.createFrom().empty();
                        }
                        if (gapChecked.compareAndSet(false, true)) {
                            return pages(tenant, typePrefix, last, Position.of(e)).onCompletion().continueWith(e)
                                    .invoke(x -> last.set(Position.of(x)));
                        }
                        last.set(Position.of(e));
                        return Multi.createFrom().item(e);
                    });
            return Multi.createBy().concatenating().streams(history, live);
        });
    }

    /** Pages of events after {@code last} (moved along as they are read), below {@code before} or the oldest running transaction. */
    private Multi<OutboxEvent> pages(String tenant, String typePrefix, AtomicReference<Position> last,
                                     Position before) {
        String like = typePrefix + "%";
        return Multi.createBy().repeating().uni(() -> {
                    Position from = last.get();
                    Uni<List<OutboxEvent>> page = before == null
                            ? outbox.committedAfter(tenant, like, from.txId(), from.seq(), BATCH)
                            : outbox.between(tenant, like, from.txId(), from.seq(), before.txId(), before.seq(), BATCH);
                    return page.invoke(rows -> {
                        if (!rows.isEmpty()) {
                            last.set(Position.of(rows.get(rows.size() - 1)));
                        }
                    });
                })
                .whilst(rows -> rows.size() == BATCH)
                .onItem().<OutboxEvent>disjoint();
    }

    void tick() {
        if (listeners.get() == 0 || !running.compareAndSet(false, true)) {
            return;
        }
        drain(0).subscribe().with(n -> running.set(false), t -> {
            running.set(false);
            LOG.warnf("subscription feed poll failed: %s", t.toString());
        });
    }

    /** Polls back to back while pages come back full (a burst is passed on at once, not a page per tick), at most 50. */
    private Uni<Integer> drain(int pages) {
        return poll().flatMap(n -> n == BATCH && pages + 1 < 50 && listeners.get() > 0
                ? drain(pages + 1) : Uni.createFrom().item(pages + 1));
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
