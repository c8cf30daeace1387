package dev.channelhub.shared.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tracing settings ({@code channelhub.tracing.*}); whether tracing is on at all is {@code quarkus.otel.sdk.disabled}. */
@ConfigMapping(prefix = "channelhub.tracing")
public interface TracingConfig {

    /** The fraction (0 to 1) of new traces recorded; a caller's traceparent decides for the traces it starts. */
    @WithDefault("1.0")
    double sampleRatio();
}
