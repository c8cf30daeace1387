package dev.channelhub.shared.persistence;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * How many statements one request may run on the pool at the same time. A wide GraphQL query (many aliases, many
 * batched fields on one level) starts all its statements at once; without a bound one request could hold every pooled
 * connection while other requests wait. The budget lives in the request's Vert.x (duplicated) context, where
 * {@link Db} finds it; statements beyond it wait in order for a running one to finish.
 * <p>
 * Only single statements on the pool are bounded. Transactions and {@code withConnection} work are not (work holding
 * a connection may itself run a pool statement; bounding both could deadlock); GraphQL runs mutations one at a time.
 */
public final class StatementBudget {

    private static final String KEY = StatementBudget.class.getName();

    private final int permits;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int running;
    private int peak;

    StatementBudget(int permits) {
        this.permits = Math.max(1, permits);
    }

    /** Binds a new budget to the current Vert.x context (null outside one). */
    static StatementBudget open(int permits) {
        Context context = Vertx.currentContext();
        // Only a request's duplicated context: a budget on the event loop's own context would outlive the request.
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return null;
        }
        StatementBudget budget = new StatementBudget(permits);
        context.putLocal(KEY, budget);
        return budget;
    }

    static StatementBudget current() {
        Context context = Vertx.currentContext();
        return context == null || !VertxContext.isDuplicatedContext(context) ? null : context.getLocal(KEY);
    }

    /** The most statements this request ran at once. */
    public synchronized int peak() {
        return peak;
    }

    <T> Uni<T> run(Supplier<Uni<T>> statement) {
        return Uni.createFrom().deferred(() -> {
            AtomicBoolean held = new AtomicBoolean();
            Uni<Void> permit = Uni.createFrom().emitter(emitter -> {
                Waiter waiter = new Waiter(emitter);
                emitter.onTermination(() -> waiter.gone = true);
                if (acquireOrQueue(waiter)) {
                    held.set(true);
                    emitter.complete(null);
                }
            });
            return permit.invoke(() -> held.set(true))
                    .flatMap(x -> statement.get())
                    .onTermination().invoke(() -> {
                        if (held.getAndSet(false)) {
                            release();
                        }
                    });
        });
    }

    private synchronized boolean acquireOrQueue(Waiter waiter) {
        if (running < permits) {
            running++;
            peak = Math.max(peak, running);
            return true;
        }
        waiting.add(waiter);
        return false;
    }

    /** Hands the permit to the next waiting statement that is still wanted, or returns it. */
    private void release() {
        while (true) {
            Waiter next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    running--;
                    return;
                }
            }
            if (!next.gone) {
                next.emitter.complete(null);
                return;
            }
        }
    }

    private static final class Waiter {
        final UniEmitter<? super Void> emitter;
        volatile boolean gone;

        Waiter(UniEmitter<? super Void> emitter) {
            this.emitter = emitter;
        }
    }
}
