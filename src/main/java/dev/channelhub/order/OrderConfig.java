package dev.channelhub.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Order settings ({@code channelhub.orders.*}). */
@ConfigMapping(prefix = "channelhub.orders")
public interface OrderConfig {

    /** Days after placement an unpaid order is due; receivables age from there. */
    @WithDefault("30")
    int paymentTermDays();

    /**
     * Order numbers one counter statement reserves for this instance ({@code OrderNumbers}); 1 gives gap-free numbers
     * at the cost of one more short transaction per order.
     */
    @WithDefault("32")
    int numberBlock();
}
