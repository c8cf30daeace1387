package dev.channelhub.support;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The suite's span "exporter": a span processor (Quarkus adds every CDI {@link SpanProcessor} to the SDK) that keeps
 * the last {@value #KEEP} finished spans in memory. Nothing is exported ({@code %test.quarkus.otel.exporter.otlp.enabled
 * =false}), and the bound keeps a whole suite's spans from piling up.
 */
@Singleton
@Unremovable // looked up by the OpenTelemetry extension, never injected
public class RecordedSpans implements SpanProcessor {

    private static final int KEEP = 5_000;
    private final ArrayDeque<SpanData> spans = new ArrayDeque<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        SpanData data = span.toSpanData();
        synchronized (spans) {
            if (spans.size() >= KEEP) {
                spans.removeFirst();
            }
            spans.addLast(data);
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    public List<SpanData> all() {
        synchronized (spans) {
            return List.copyOf(spans);
        }
    }

    public Optional<SpanData> find(Predicate<SpanData> condition) {
        return all().stream().filter(condition).findFirst();
    }

    /** The first recorded span that matches; a span ends (and is recorded) just after its answer leaves. */
    public SpanData await(String what, Predicate<SpanData> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Optional<SpanData> found = find(condition);
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no span recorded: " + what + "; recorded: "
                        + all().stream().map(s -> s.getKind() + " " + s.getName() + " " + s.getTraceId() + "/" + s.getParentSpanId() + " "
                        + s.getAttributes()).limit(60).toList());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
