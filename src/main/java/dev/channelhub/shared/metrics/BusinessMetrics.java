package dev.channelhub.shared.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business counters on {@code /q/metrics} (issue 21), counted once per committed change on this instance (an
 * idempotent replay or a rolled-back attempt counts nothing). No tenant tag: one series each, whatever the number of
 * tenants. Prometheus names: {@code channelhub_orders_placed_total}, {@code channelhub_payments_recorded_total},
 * {@code channelhub_webhook_deliveries_total{outcome="ok"|"failed"}},
 * {@code channelhub_quote_latency_seconds_count/_sum/_max} (quotes answered by {@code POST /prices/quote} and the GraphQL
 * {@code quote}; buckets only with {@code channelhub.metrics.quote-latency-histogram=true}),
 * {@code channelhub_import_rows_total{kind="products"|...,outcome="accepted"|"rejected"}} (counted when the runner has
 * recorded a chunk). The outbox lag gauge is {@code events/OutboxLag}.
 */
@ApplicationScoped
@Startup // the series exist (at 0) from the start, not from the first order
public class BusinessMetrics {

    private final Counter ordersPlaced;
    private final Counter paymentsRecorded;
    private final Counter deliveriesOk;
    private final Counter deliveriesFailed;
    private final Timer quoteLatency;
    private final MeterRegistry registry;
    private final Map<String, Counter[]> importRows = new ConcurrentHashMap<>();

    public BusinessMetrics(MeterRegistry registry, MetricsConfig config) {
        this.registry = registry;
        quoteLatency = Timer.builder("channelhub.quote.latency").description("Time to answer a quote (answered quotes)")
                .publishPercentileHistogram(config.quoteLatencyHistogram()).register(registry);
        ordersPlaced = Counter.builder("channelhub.orders.placed").description("Orders placed (committed)").register(registry);
        paymentsRecorded = Counter.builder("channelhub.payments.recorded").description("Payments recorded on orders (committed)")
                .register(registry);
        deliveriesOk = Counter.builder("channelhub.webhook.deliveries").tag("outcome", "ok")
                .description("Webhook delivery attempts, by outcome (failed: not 2xx, timeout or refused target)").register(registry);
        deliveriesFailed = Counter.builder("channelhub.webhook.deliveries").tag("outcome", "failed")
                .description("Webhook delivery attempts, by outcome (failed: not 2xx, timeout or refused target)").register(registry);
    }

    public void orderPlaced() {
        ordersPlaced.increment();
    }

    public void paymentRecorded() {
        paymentsRecorded.increment();
    }

    public void webhookDelivered(boolean ok) {
        (ok ? deliveriesOk : deliveriesFailed).increment();
    }

    /** The timer of answered quotes: {@code Timer.start()} when the quote begins, {@code sample.stop(quoteLatency())}. */
    public Timer quoteLatency() {
        return quoteLatency;
    }

    /** Rows of one recorded import chunk, by the import's kind (a handful of kinds: the series stay few). */
    public void importRows(String kind, long accepted, long rejected) {
        Counter[] counters = importRows.computeIfAbsent(kind, k -> new Counter[] {importCounter(k, "accepted"), importCounter(k, "rejected")});
        if (accepted > 0) {
            counters[0].increment(accepted);
        }
        if (rejected > 0) {
            counters[1].increment(rejected);
        }
    }

    private Counter importCounter(String kind, String outcome) {
        return Counter.builder("channelhub.import.rows").tag("kind", kind).tag("outcome", outcome)
                .description("Imported rows, by import kind and outcome (accepted: written; rejected: reported with its line)")
                .register(registry);
    }
}
