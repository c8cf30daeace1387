package dev.channelhub.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Analytics settings ({@code channelhub.analytics.*}). */
@ConfigMapping(prefix = "channelhub.analytics")
public interface AnalyticsConfig {

    /** The tenant time zone of day and month buckets; changing it needs analytics_rebuild (docs/KPIS.md). */
    @WithDefault("Asia/Shanghai")
    String timeZone();
}
