package dev.channelhub.events;

import dev.channelhub.events.WebhookDeliveryRepository.Claimed;
import dev.channelhub.events.WebhookDeliveryRepository.FanOutTarget;
import dev.channelhub.shared.boot.Drain;
import dev.channelhub.shared.metrics.BusinessMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Delivers webhooks from the outbox, with all state in PostgreSQL so a restart loses nothing and re-sends
 * nothing that was delivered.
 * <ol>
 *   <li>Fan-out: each active webhook reads the outbox past its cursor in (tx_id, seq) order, below the oldest
 *       running transaction, and turns matching events into PENDING deliveries in the same transaction that
 *       advances the cursor.</li>
 *   <li>Delivery: due deliveries are claimed with a lease (next_attempt_at moves into the future, so a crash
 *       mid-send means a retry, never a loss), but only the oldest pending one per (webhook, aggregate): event
 *       n+1 of an order waits until n was delivered (parked outside the claim's range until then, so the claim's
 *       cost does not grow with a busy aggregate's backlog). A round's successes are marked DELIVERED together;
 *       a failure schedules the next attempt with exponential backoff and counts towards disabling the webhook.
 *       Rounds follow each other at once while batches come back full.</li>
 * </ol>
 * With tracing on (docs/SCALING.md "Tracing") each delivery attempt is one span ({@value #SPAN}, kind CLIENT, a trace of
 * its own: the call that wrote the event has long answered) and the request carries its W3C {@code traceparent}, so a
 * receiver can join the trace. Tracing off, the span is a no-op and no header is sent.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int FANOUT_BATCH = 500;
    /** Rounds one tick runs back to back while work is waiting, before it lets the next tick go on. */
    private static final int ROUNDS_PER_TICK = 50;
    static final String SPAN = "webhook delivery";

    private final WebhookDeliveryRepository deliveries;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final io.vertx.core.Vertx vertx;
    private final Duration retryBase;
    private final Duration retryMax;
    private final int disableAfter;
    private final Duration timeout;
    private final boolean enabled;
    private final Duration pollInterval;
    private final int claimBatch;

    private final BusinessMetrics metrics;
    private final Tracer tracer;

    public WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookTargets targets, WebhookSecrets secrets, io.vertx.core.Vertx vertx,
                             WebhookConfig config, BusinessMetrics metrics, Tracer tracer) {
        this.deliveries = deliveries;
        this.tracer = tracer;
        this.metrics = metrics;
        this.targets = targets;
        this.secrets = secrets;
        this.vertx = vertx;
        this.retryBase = config.retryBase();
        this.retryMax = config.retryMax();
        this.disableAfter = config.disableAfter();
        this.timeout = config.timeout();
        this.enabled = config.enabled();
        this.pollInterval = config.pollInterval();
        this.claimBatch = config.claimBatch();
    }

    private volatile HttpClient http;

    /** Vert.x's client rather than the JDK's: it connects to the address that was checked while the URL's host stays
     *  the Host header and the TLS server name (SNI and certificate verification). */
    private HttpClient http() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                if (http == null) {
                    http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5000).setVerifyHost(true)
                            .setTrustAll(false).setKeepAlive(true)
                            .setMaxPoolSize(20)
                            // the delivery span is made here (deliver), with its own traceparent: no second client span
                            .setTracingPolicy(TracingPolicy.IGNORE));
                }
                c = http;
            }
        }
        return c;
    }

    private final AtomicBoolean running = new AtomicBoolean();

    // A Vert.x timer rather than @Scheduled: the scheduler does not go below one second, tests want less.
    private volatile long timer = -1;

    void start(@Observes StartupEvent event) {
        if (enabled) {
            timer = vertx.setPeriodic(Math.max(50, pollInterval.toMillis()), id -> tick());
        }
    }

    void stop(@Observes io.quarkus.runtime.ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (http != null) {
            http.close();
        }
    }

    void tick() {
        if (Drain.draining() || !running.compareAndSet(false, true)) { // shutting down: claim nothing new
            return;
        }
        drain(0).subscribe().with(n -> running.set(false), t -> {
            running.set(false);
            LOG.warnf("webhook dispatch failed: %s", t.toString());
        });
    }

    /**
     * Rounds back to back while work is waiting (a fan-out or a claim came back full), so a backlog is worked off at
     * the database's and the receivers' pace rather than one batch per poll; at most {@value #ROUNDS_PER_TICK} per tick,
     * and none once the instance is draining. Returns the rounds run.
     */
    private Uni<Integer> drain(int rounds) {
        return round().flatMap(more -> more && rounds + 1 < ROUNDS_PER_TICK && !Drain.draining()
                ? drain(rounds + 1) : Uni.createFrom().item(rounds + 1));
    }

    /** One fan-out and one delivery round; true when either came back full (more is probably waiting). */
    Uni<Boolean> round() {
        return fanOut().flatMap(fannedFull -> deliverDue().map(claimed -> fannedFull || claimed == claimBatch));
    }

    /** Fans out every active webhook once; true when some webhook's batch came back full. */
    Uni<Boolean> fanOut() {
        return deliveries.inTransaction(tx -> deliveries.lockActive(tx).flatMap(webhooks -> fanOutEach(tx, webhooks, 0, false)));
    }

    private Uni<Boolean> fanOutEach(SqlClient tx, List<FanOutTarget> webhooks, int i, boolean full) {
        if (i >= webhooks.size()) {
            return Uni.createFrom().item(full);
        }
        FanOutTarget w = webhooks.get(i);
        return deliveries.eventsAfterCursor(tx, w, FANOUT_BATCH)
                .flatMap(events -> {
                    if (events.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    List<OutboxEvent> matching = events.stream().filter(e -> EventPatterns.matchesAny(w.patterns(), e.type())).toList();
                    OutboxEvent last = events.get(events.size() - 1);
                    return deliveries.insertDeliveries(tx, w.tenant(), w.id(), matching)
                            .flatMap(x -> deliveries.advanceCursor(tx, w.tenant(), w.id(), last.txId(), last.seq()))
                            .replaceWith(events.size() == FANOUT_BATCH);
                })
                .flatMap(wasFull -> fanOutEach(tx, webhooks, i + 1, full || wasFull));
    }

    /**
     * Claims up to {@code claim-batch} due deliveries and sends them all at once; when the round's sends have ended
     * its outcomes are recorded together ({@link #record}). A crash before that sends the round again after the lease:
     * at least once, as ever. Returns how many were claimed.
     */
    Uni<Integer> deliverDue() {
        return deliveries.claimDue(claimBatch)
                .flatMap(claimed -> {
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    AtomicLong finished = new AtomicLong();
                    List<Uni<Outcome>> sends = claimed.stream().map(c -> deliver(c, finished)).toList();
                    return Uni.join().all(sends).andCollectFailures().flatMap(this::record).replaceWith(claimed.size());
                });
    }

    /** How one send ended: a 2xx {@code status} and no {@code error}, or a failure; {@code order} is when, within the round. */
    record Outcome(Claimed claimed, Integer status, String error, long order) {

        boolean succeeded() {
            return error == null;
        }
    }

    /**
     * Records a round: the successes in one statement (each ends its webhook's run of failures), then each failure's
     * retry, and per webhook the failures that ended after its last success in the round, which are the ones in a row
     * (a receiver that answered some of the round is not disabled for the others).
     */
    private Uni<Void> record(List<Outcome> outcomes) {
        List<WebhookDeliveryRepository.Success> ok = outcomes.stream().filter(Outcome::succeeded)
                .map(o -> new WebhookDeliveryRepository.Success(o.claimed(), o.status())).toList();
        List<Outcome> failures = outcomes.stream().filter(o -> !o.succeeded()).toList();
        Uni<Void> successes = deliveries.delivered(ok).invoke(() -> ok.forEach(x -> metrics.webhookDelivered(true)));
        if (failures.isEmpty()) {
            return successes;
        }
        Map<UUID, Long> lastSuccess = new HashMap<>();
        outcomes.stream().filter(Outcome::succeeded).forEach(o -> lastSuccess.merge(o.claimed().webhookId(), o.order(), Math::max));
        Map<UUID, List<Outcome>> inARow = failures.stream()
                .filter(o -> o.order() > lastSuccess.getOrDefault(o.claimed().webhookId(), -1L))
                .sorted(Comparator.comparingLong(Outcome::order))
                .collect(Collectors.groupingBy(o -> o.claimed().webhookId(), LinkedHashMap::new, Collectors.toList()));
        return successes.flatMap(x -> deliveries.inTransaction(tx -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Outcome f : failures) {
                        double wait = backoff(f.claimed().attempts()).toMillis() / 1000.0;
                        chain = chain.flatMap(y -> deliveries.scheduleRetry(tx, f.claimed(), wait, f.status(), truncate(f.error())));
                    }
                    for (List<Outcome> run : inARow.values()) {
                        Outcome lastFailure = run.get(run.size() - 1);
                        String reason = "disabled after %d consecutive failed deliveries; last: %s".formatted(disableAfter, lastFailure.error());
                        chain = chain.flatMap(y -> deliveries.countFailures(tx, lastFailure.claimed(), run.size(), disableAfter, truncate(reason)));
                    }
                    return chain;
                }))
                .invoke(() -> failures.forEach(f -> metrics.webhookDelivered(false)))
                .onFailure().recoverWithUni(t -> { // the leases bring these deliveries back
                    LOG.warnf("webhook dispatch: recording %d failed deliveries failed: %s", failures.size(), t.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Sends one delivery; never fails (a failure to send is an outcome). */
    private Uni<Outcome> deliver(Claimed c, AtomicLong finished) {
        String body = c.event().envelope();
        Span span = tracer.spanBuilder(SPAN).setSpanKind(SpanKind.CLIENT).setNoParent()
                .setAttribute("channelhub.webhook.id", c.webhookId().toString())
                .setAttribute("channelhub.delivery.id", c.deliveryId().toString())
                .setAttribute("channelhub.delivery.attempt", c.attempts() + 1L)
                .setAttribute("channelhub.event.type", c.event().type())
                .startSpan();
        return send(c, body, span)
                .map(status -> {
                    span.setAttribute("http.response.status_code", status);
                    boolean ok = status >= 200 && status < 300;
                    if (!ok) {
                        span.setStatus(StatusCode.ERROR, "HTTP " + status);
                    }
                    return new Outcome(c, status, ok ? null : "HTTP " + status, finished.incrementAndGet());
                })
                .onFailure().recoverWithItem(t -> {
                    String error = describe(t);
                    span.setStatus(StatusCode.ERROR, error);
                    return new Outcome(c, null, error, finished.incrementAndGet());
                })
                .onTermination().invoke(span::end);
    }

    /** Where one delivery goes: the URL's parts, and the one address (resolved and checked once) to connect to. */
    record Target(String host, int port, boolean ssl, String path, InetAddress address) {

        /** A failure message without the resolved address, which may be an internal one. */
        String scrub(String message) {
            return message.replace(address.getHostAddress(), host);
        }
    }

    Target target(String url) throws java.net.UnknownHostException {
        URI uri = URI.create(url);
        boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        return new Target(bare, uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80, ssl, path, targets.resolve(host));
    }

    private Uni<Integer> send(Claimed c, String body, Span span) {
        // Resolving blocks: keep it off the event loop. The connection then goes to exactly the address checked here.
        return Uni.createFrom().item(() -> {
                    try {
                        return target(c.url());
                    } catch (java.net.UnknownHostException e) {
                        throw new IllegalArgumentException("unknown host " + e.getMessage());
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(t -> Uni.createFrom().completionStage(() -> post(t, c, body, span).toCompletionStage())
                        .onFailure().transform(e -> new IllegalStateException(t.scrub(describe(e)))));
    }

    private io.vertx.core.Future<Integer> post(Target t, Claimed c, String body, Span span) {
        long ts = Instant.now().getEpochSecond();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(t.port(), t.address().getHostAddress()))
                .setHost(t.host())
                .setPort(t.port())
                .setSsl(t.ssl())
                .setURI(t.path())
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "ChannelHub-Webhooks/1")
                .putHeader("X-ChannelHub-Event-Id", c.event().id().toString())
                .putHeader("X-ChannelHub-Event-Type", c.event().type())
                .putHeader("X-ChannelHub-Delivery-Id", c.deliveryId().toString())
                .putHeader(WebhookSigner.TIMESTAMP_HEADER, Long.toString(ts))
                .putHeader(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(secrets.open(c.tenant(), c.webhookId(), c.secret()), ts, body));
        // W3C traceparent of the delivery span (nothing when tracing is off: the span is then invalid)
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), options,
                (carrier, name, value) -> carrier.putHeader(name, value));
        return http().request(options)
                .compose(request -> request.send(body))
                .compose(response -> {
                    response.handler(ignored -> { }); // the body is not read; drain it so the connection can be reused
                    return response.end().map(x -> response.statusCode());
                });
    }

    /** retry-base · 2^(attempt−1), capped at retry-max. */
    Duration backoff(int attempts) {
        return backoff(attempts, retryBase, retryMax);
    }

    /** The wait before attempt {@code attempts + 1}: base doubled per attempt, capped at max. */
    static Duration backoff(int attempts, Duration retryBase, Duration retryMax) {
        int exp = Math.max(0, Math.min(attempts - 1, 30));
        long millis = retryBase.toMillis() * (1L << exp);
        return millis > retryMax.toMillis() || millis < 0 ? retryMax : Duration.ofMillis(millis);
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof WebhookTargets.NotAllowed || root instanceof IllegalStateException || root instanceof IllegalArgumentException) {
            return root.getMessage();
        }
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
