package dev.channelhub.shared.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the business metrics ({@code channelhub.metrics.*}). */
@ConfigMapping(prefix = "channelhub.metrics")
public interface MetricsConfig {

    /**
     * Whether the quote latency timer also publishes a Prometheus histogram (buckets, for {@code histogram_quantile}
     * across instances). Off: count, sum and max only (three series).
     */
    @WithDefault("false")
    boolean quoteLatencyHistogram();
}
