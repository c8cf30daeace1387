package dev.channelhub.shared.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Business counters on {@code /q/metrics} (issue 21), counted once per committed change on this instance (an
 * idempotent replay or a rolled-back attempt counts nothing). No tenant tag: one series each, whatever the number of
 * tenants. Prometheus names: {@code channelhub_orders_placed_total}, {@code channelhub_payments_recorded_total},
 * {@code channelhub_webhook_deliveries_total{outcome="ok"|"failed"}}. The outbox lag gauge is
 * {@code events/OutboxLag}.
 */
@ApplicationScoped
@Startup // the series exist (at 0) from the start, not from the first order
public class BusinessMetrics {

    private final Counter ordersPlaced;
    private final Counter paymentsRecorded;
    private final Counter deliveriesOk;
    private final Counter deliveriesFailed;

    public BusinessMetrics(MeterRegistry registry) {
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
}
