package dev.channelhub.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When a periodic sweep (lead accept deadlines, deal protection ends) needs the database: when something this
 * instance scheduled is due, or every half hour for what other instances scheduled. An idle minute costs no
 * statement, so request-level statement counts stay exact.
 */
final class DueSweep {

    private static final Duration FALLBACK = Duration.ofMinutes(30);

    private final AtomicReference<Instant> next = new AtomicReference<>();
    private volatile Instant lastSweep = Instant.now();

    /** Remembers that something falls due at {@code at}. */
    void expect(Instant at) {
        next.accumulateAndGet(at, (a, b) -> a == null || b.isBefore(a) ? b : a);
    }

    /** True (and resets) when the sweep should run now. */
    boolean claim(Instant now) {
        Instant due = next.get();
        if ((due == null || due.isAfter(now)) && lastSweep.plus(FALLBACK).isAfter(now)) {
            return false;
        }
        next.set(null);
        lastSweep = now;
        return true;
    }
}
