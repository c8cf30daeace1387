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
     * Test only, unset in every profile: each order placement, once accepted (checked, number drawn), waits this long
     * before its transaction and logs {@code order placement ... held}. The packaged-jar drain test ({@code DrainIT}) sets it
     * so that orders are deterministically in flight when SIGTERM arrives. (Not inside the transaction: the sales rollup
     * row would make concurrent placements of one tenant wait for each other.)
     */
    Optional<Duration> testHoldBeforeTransaction();
}
