package dev.channelhub.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Outbox health settings ({@code channelhub.outbox.*}); every property of the prefix is declared here. */
@ConfigMapping(prefix = "channelhub.outbox")
public interface OutboxConfig {

    /** Readiness reports DOWN while the outbox lag ({@link OutboxLag}) is above this. */
    @WithDefault("PT5M")
    Duration maxLag();

    /** How often the {@code channelhub_outbox_lag_seconds} gauge is measured. */
    @WithDefault("PT15S")
    Duration lagSampleEvery();
}
