package dev.channelhub.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Analytics settings ({@code channelhub.analytics.*}). */
@ConfigMapping(prefix = "channelhub.analytics")
public interface AnalyticsConfig {

    /** The tenant time zone of day and month buckets; changing it needs analytics_rebuild (docs/KPIS.md). */
    @WithDefault("Asia/Shanghai")
    String timeZone();

    /** How often an instance applies new order events to the sales rollups ({@code SalesRollupFeed}). */
    @WithDefault("PT0.5S")
    java.time.Duration rollupPoll();

    /** Events one rollup transaction applies at most. */
    @WithDefault("2000")
    int rollupBatch();

    /** Events a report applies at most before it reads (the rest the feed applies). */
    @WithDefault("20000")
    int rollupCatchUpLimit();
}
