package dev.channelhub.events;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Webhook subscriptions (admin and integration clients only). Delivery itself is {@link WebhookDispatcher}'s job. */
@ApplicationScoped
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int REPLAY_CHUNK = 1000;

    @Inject
    WebhookRepository webhooks;

    @Inject
    Db db;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookTargets targets;

    public Uni<Outcome<WebhookView>> create(Caller caller, CreateWebhookRequest request, String idempotencyKey) {
        caller.require(Role.INTEGRATION);
        validator.check(request);
        List<String> events = checkEvents(request.events(), "events");
        String url = checkUrl(request.url(), "url");
        targets.checkLiteral(URI.create(url).getHost(), "url");
        String secret = request.secret() != null ? request.secret() : "whsec_" + HexFormat.of().formatHex(randomBytes(24));
        // The secret is shown once: the stored idempotent answer (and so any replay of it) goes without it.
        // One Hibernate Reactive transaction: the webhook row and the idempotency answer commit together
        // (docs/DEVELOPING.md "Persistence").
        return idempotency.runRecording(caller, idempotencyKey, "POST /webhooks", request, WebhookView.class,
                completion -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> webhooks.cursorStart(session)
                        .flatMap(cursorTx -> {
                            UUID id = Ids.newId();
                            Instant now = now();
                            WebhookEntity webhook = new WebhookEntity();
                            webhook.tenantId = caller.tenant();
                            webhook.id = id;
                            webhook.url = url;
                            webhook.events = events.toArray(new String[0]);
                            webhook.secret = secrets.seal(caller.tenant(), id, secret);
                            webhook.status = WebhookStatus.ACTIVE;
                            webhook.consecutiveFailures = 0;
                            webhook.cursorTx = cursorTx;
                            webhook.cursorSeq = Long.MAX_VALUE;
                            webhook.version = 1;
                            webhook.createdAt = now;
                            webhook.updatedAt = now;
                            return session.persist(webhook).call(session::flush)
                                    .map(x -> webhook.toView())
                                    .flatMap(view -> completion.record(session, Outcome.created(view)));
                        }))))
                .map(outcome -> outcome.replayed() ? outcome
                : new Outcome<>(outcome.status(), outcome.body().withSecret(secret), false));
    }

    public Uni<WebhookView> get(Caller caller, UUID id) {
        caller.require(Role.INTEGRATION, Role.MANAGER);
        return webhooks.find(db.pool(), caller.tenant(), id).map(o -> o.orElseThrow(() -> ApiException.notFound("webhook", id)));
    }

    public Uni<Page<WebhookView>> list(Caller caller, PageRequest page) {
        caller.require(Role.INTEGRATION, Role.MANAGER);
        return webhooks.list(caller.tenant(), page).map(rows -> Page.of(rows, page, WebhookView::id));
    }

    public Uni<WebhookView> update(Caller caller, UUID id, WebhookPatch patch, Integer expectedVersion) {
        caller.require(Role.INTEGRATION);
        validator.check(patch);
        List<String> events = patch.events() == null ? null : checkEvents(patch.events(), "events");
        String url = patch.url() == null ? null : checkUrl(patch.url(), "url");
        if (url != null) {
            targets.checkLiteral(URI.create(url).getHost(), "url");
        }
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> lock(caller, id).flatMap(webhook -> {
            if (expectedVersion != null && expectedVersion != webhook.version) {
                throw ApiException.versionConflict("webhook " + id, expectedVersion, webhook.version);
            }
            WebhookStatus current = webhook.status;
            WebhookStatus next = patch.status() == null ? current : patch.status();
            // Re-enabling starts a fresh failure count and makes waiting deliveries due at once.
            boolean reenable = current == WebhookStatus.DISABLED && next == WebhookStatus.ACTIVE;
            if (url != null) {
                webhook.url = url;
            }
            if (events != null) {
                webhook.events = events.toArray(new String[0]);
            }
            if (patch.secret() != null) {
                webhook.secret = secrets.seal(caller.tenant(), id, patch.secret());
            }
            webhook.status = next;
            webhook.disabledReason = next == WebhookStatus.ACTIVE ? null
                    : webhook.disabledReason != null ? webhook.disabledReason : "disabled by a user";
            if (reenable) {
                webhook.consecutiveFailures = 0;
            }
            // Every accepted patch is a new version (updated_at always moves, so Hibernate always writes and bumps it).
            webhook.updatedAt = now();
            return session.flush()
                    .call(() -> reenable ? webhooks.wakeDeliveries(session, caller.tenant(), id) : Uni.createFrom().voidItem())
                    .map(x -> webhook.toView());
        })));
    }

    public Uni<Void> delete(Caller caller, UUID id) {
        caller.require(Role.INTEGRATION);
        return Panache.withTransaction(() -> webhooks.deleteEntity(caller.tenant(), id)).map(n -> {
            if (n == 0) {
                throw ApiException.notFound("webhook", id);
            }
            return null;
        });
    }

    public Uni<Page<DeliveryView>> deliveries(Caller caller, UUID id, String status, PageRequest page) {
        if (status != null && !status.isBlank() && !List.of("PENDING", "DELIVERED").contains(status)) {
            throw ApiException.invalid("status", "must be one of [PENDING, DELIVERED]");
        }
        return get(caller, id).flatMap(w -> webhooks.deliveries(caller.tenant(), id,
                        status == null || status.isBlank() ? null : status, page))
                .map(rows -> Page.of(rows, page, DeliveryView::id));
    }

    /**
     * Queues the matching events again from {@code from} (an outbox sequence number or an ISO-8601 time) up to what
     * has already been fanned out; later events arrive through normal delivery. Replays carry the original event id.
     */
    public Uni<ReplayResult> replay(Caller caller, UUID id, String from) {
        caller.require(Role.INTEGRATION);
        if (from == null || from.isBlank()) {
            throw ApiException.invalid("from", "is required: an event sequence number or an ISO-8601 time");
        }
        long fromSeq;
        Instant fromTime;
        if (from.trim().matches("\\d{1,18}")) {
            fromSeq = Long.parseLong(from.trim());
            fromTime = null;
        } else {
            fromSeq = 0;
            fromTime = dev.channelhub.shared.web.Params.instant(from, "from");
        }
        return db.inTransaction(tx -> webhooks.lockForReplay(tx, caller.tenant(), id).flatMap(found -> {
            Row row = found.orElseThrow(() -> ApiException.notFound("webhook", id));
            List<String> patterns = Arrays.asList(row.getArrayOfStrings("events"));
            return replayChunk(tx, caller.tenant(), id, patterns, fromSeq, fromTime, row.getLong("cursor_tx"), row.getLong("cursor_seq"),
                    0L, 0);
        })).map(n -> new ReplayResult(id.toString(), n));
    }

    private Uni<Integer> replayChunk(SqlClient tx, String tenant, UUID id, List<String> patterns, long fromSeq, Instant fromTime,
                                     long cursorTx, long cursorSeq, long afterSeq, int count) {
        return webhooks.replayable(tx, tenant, fromSeq, fromTime, cursorTx, cursorSeq, afterSeq, REPLAY_CHUNK).flatMap(events -> {
            if (events.isEmpty()) {
                return Uni.createFrom().item(count);
            }
            List<OutboxEvent> matching = events.stream().filter(e -> EventPatterns.matchesAny(patterns, e.type())).toList();
            long last = events.get(events.size() - 1).seq();
            return webhooks.insertDeliveries(tx, tenant, id, matching, true)
                    .flatMap(x -> events.size() < REPLAY_CHUNK ? Uni.createFrom().item(count + matching.size())
                            : replayChunk(tx, tenant, id, patterns, fromSeq, fromTime, cursorTx, cursorSeq, last, count + matching.size()));
        });
    }

    /** The webhook's entity locked in the current Hibernate Reactive transaction; NOT_FOUND when absent. */
    private Uni<WebhookEntity> lock(Caller caller, UUID id) {
        return webhooks.lockEntity(caller.tenant(), id).map(w -> {
            if (w == null) {
                throw ApiException.notFound("webhook", id);
            }
            return w;
        });
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static List<String> checkEvents(List<String> events, String field) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!EventPatterns.valid(events.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "must be an event type or pattern such as order.placed, order.* or *"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return events.stream().distinct().toList();
    }

    static String checkUrl(String url, String field) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (Exception e) {
            throw ApiException.invalid(field, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.invalid(field, "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ApiException.invalid(field, "must name a host");
        }
        if (uri.getUserInfo() != null) {
            throw ApiException.invalid(field, "must not carry credentials; the signature authenticates deliveries");
        }
        return uri.toString();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
