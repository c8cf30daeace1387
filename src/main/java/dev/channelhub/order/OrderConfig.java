package dev.channelhub.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Order settings ({@code channelhub.orders.*}). */
@ConfigMapping(prefix = "channelhub.orders")
public interface OrderConfig {

    /** Days after placement an unpaid order is due; receivables age from there. */
    @WithDefault("30")
    int paymentTermDays();
}
