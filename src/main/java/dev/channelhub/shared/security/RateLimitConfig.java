package dev.channelhub.shared.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Request rate limits ({@code channelhub.rate-limit.*}), token buckets per instance: a tenant may make {@code limit}
 * requests per {@code period}, refilled evenly, and so may each partner channel within it. With N instances behind a
 * balancer, set each instance to the tenant's share (limit / N).
 */
@ConfigMapping(prefix = "channelhub.rate-limit")
public interface RateLimitConfig {

    /** Off: no limits and no RateLimit-* headers. */
    @WithDefault("true")
    boolean enabled();

    /** All callers of one tenant together. */
    Bucket tenant();

    /** One partner channel (tokens with role partner only). */
    Bucket partner();

    interface Bucket {
        /** Requests per period; also the burst a full bucket allows. */
        long limit();

        Duration period();
    }
}
