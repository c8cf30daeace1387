package dev.channelhub.shared.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Which spans are recorded when tracing is on (the OpenTelemetry extension uses a CDI {@link Sampler} bean in place of
 * {@code quarkus.otel.traces.sampler}): a caller's sampled {@code traceparent} is followed, new traces are kept at
 * {@code channelhub.tracing.sample-ratio}, and a SQL statement that belongs to no trace is dropped. Those are the
 * background loops' (webhook fan-out and claiming, hold sweeps, the event stream's outbox poll), several per second on
 * every instance whatever the traffic: as traces of one span each they would bury the calls. A webhook delivery is
 * still a trace of its own (span {@code webhook delivery}); its status updates are statements outside it.
 */
@Singleton
public class TraceSampler implements Sampler {

    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    private static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");

    private final Sampler delegate;

    public TraceSampler(TracingConfig config) {
        delegate = Sampler.parentBased(Sampler.traceIdRatioBased(config.sampleRatio()));
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind, Attributes attributes,
            List<LinkData> parentLinks) {
        if (spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()
                && (attributes.get(DB_SYSTEM) != null || attributes.get(DB_SYSTEM_NAME) != null)) {
            return SamplingResult.drop();
        }
        return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "ChannelHub{" + delegate.getDescription() + ", no SQL root spans}";
    }
}
