package dev.channelhub.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook delivery settings ({@code channelhub.webhooks.*}); every property of the prefix is declared here. */
@ConfigMapping(prefix = "channelhub.webhooks")
public interface WebhookConfig {

    /** Whether the dispatcher runs at all. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("PT0.5S")
    Duration pollInterval();

    /**
     * Deliveries claimed and sent at once per round. Rounds follow each other without waiting for the next poll while
     * batches come back full, so this bounds the in-flight sends, not the throughput.
     */
    @WithDefault("100")
    int claimBatch();

    /** First retry delay; doubles per attempt up to {@link #retryMax()}. */
    @WithDefault("PT5S")
    Duration retryBase();

    @WithDefault("PT1H")
    Duration retryMax();

    /** Consecutive failures after which a webhook is DISABLED. */
    @WithName("disable-after-failures")
    @WithDefault("10")
    int disableAfter();

    @WithDefault("PT10S")
    Duration timeout();

    /** Private, loopback and link-local targets are refused unless this is set (development only). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** CIDR ranges allowed although private (tests: 127.0.0.0/8). */
    Optional<List<String>> allowedTargetRanges();

    /** Base64 AES key that encrypts stored secrets; without it a development key under the data directory is used. */
    Optional<String> secretKey();
}
