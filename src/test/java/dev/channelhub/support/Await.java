package dev.channelhub.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for a condition the test cannot be told about, with a generous bound: the bound fails a test, it never passes one. */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} every 50 ms until it holds; an {@link AssertionError} naming {@code what} after {@code bound}. */
    public static void until(String what, Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
