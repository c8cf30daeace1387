package dev.channelhub.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The live event feed behind GraphQL subscriptions ({@code channelhub.subscriptions.*}). */
@ConfigMapping(prefix = "channelhub.subscriptions")
public interface SubscriptionConfig {

    /** How often the feed polls the outbox while anyone listens. */
    @WithDefault("PT0.25S")
    Duration pollInterval();
}
