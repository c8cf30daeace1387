package dev.channelhub.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Order settings ({@code channelhub.orders.*}). */
@ConfigMapping(prefix = "channelhub.orders")
public interface OrderConfig {

    /** Days after placement an unpaid order is due; receivables age from there. */
    @WithDefault("30")
    int paymentTermDays();

    /**
     * Test only, unset in every profile: each order placement waits this long inside its transaction, after its rows are
     * written and before the commit, and logs {@code order placement held}. The packaged-jar drain test ({@code DrainIT})
     * sets it so that an order is deterministically in flight when SIGTERM arrives.
     */
    Optional<Duration> testHoldBeforeCommit();
}
