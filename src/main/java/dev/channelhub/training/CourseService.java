package dev.channelhub.training;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiErrors;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
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
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Courses, completions and certifications (API-CONTRACT-2 §9), and the certification gate of order placement. Courses are
 * master data ({@link CourseEntity}, one Hibernate Reactive transaction with the event and the idempotency answer);
 * completions and certifications are rows on the pool, read by order placement inside its own transaction.
 */
@ApplicationScoped
public class CourseService {

    private static final Logger LOG = Logger.getLogger(CourseService.class);

    /** How long before {@code expiresAt} the reminder {@code certification.expiring} goes out. */
    public static final Duration REMINDER_AHEAD = Duration.ofDays(30);
    private static final int SWEEP_BATCH = 500;

    private final CourseRepository courses;
    private final CertificationRepository certifications;
    private final ChannelService channels;
    private final IdempotencyService idempotency;
    private final RequestValidator validator;
    private final EventOutbox outbox;
    private final Db db;

    public CourseService(CourseRepository courses, CertificationRepository certifications, ChannelService channels,
                         IdempotencyService idempotency, RequestValidator validator, EventOutbox outbox, Db db) {
        this.courses = courses;
        this.certifications = certifications;
        this.channels = channels;
        this.idempotency = idempotency;
        this.validator = validator;
        this.outbox = outbox;
        this.db = db;
    }

    // ------------------------------------------------------------------ courses

    public Uni<Outcome<CourseView>> create(Caller caller, CreateCourseRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            validator.check(request);
            if (request.materials() != null) {
                for (int i = 0; i < request.materials().size(); i++) {
                    if (request.materials().get(i) == null) {
                        throw ApiException.invalid("materials[" + i + "]", "must not be null");
                    }
                }
            }
            List<CourseMaterial> materials = request.materials() == null ? List.of()
                    : request.materials().stream().map(m -> new CourseMaterial(m.name(), m.url())).toList();
            return idempotency.runRecording(caller, idempotencyKey, "POST /courses", request, CourseView.class,
                    completion -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                        Instant now = now();
                        CourseEntity e = new CourseEntity();
                        e.tenantId = caller.tenant();
                        e.id = Ids.newId();
                        e.code = request.code();
                        e.title = request.title();
                        e.description = request.description();
                        e.materialsJson = courses.materialsJson(materials);
                        e.passingScore = request.passingScore();
                        e.certificationValidDays = request.certificationValidDays();
                        e.createdBy = caller.subject();
                        e.version = 1;
                        e.createdAt = now;
                        e.updatedAt = now;
                        return session.persist(e).call(session::flush)
                                .onFailure(ApiErrors::isUniqueViolation).transform(x ->
                                        new ApiException(ErrorCode.DUPLICATE, "course code " + request.code() + " already exists",
                                                List.of(new FieldError("code", "already exists"))))
                                .map(x -> e.toView(materials))
                                .call(v -> outbox.append(session, caller, "course.created", "course", e.id, null, v))
                                .flatMap(v -> completion.record(session, Outcome.created(v)));
                    })));
        });
    }

    public Uni<CourseView> get(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            return courses.find(db.pool(), caller.tenant(), id).map(found -> found.orElseThrow(() -> ApiException.notFound("course", id)));
        });
    }

    public Uni<Page<CourseView>> list(Caller caller, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            return courses.list(caller.tenant(), page.afterId(), page.fetchSize()).map(rows -> Page.of(rows, page, CourseView::id));
        });
    }

    // ------------------------------------------------------------------ completions

    /**
     * Records an attempt; {@code score ≥ passingScore} certifies the learner for the channel until certifiedAt +
     * certificationValidDays (no expiry when unset). Managers for any channel, a partner for its own channel only (another
     * channel reads as unknown: 400 on channelId).
     */
    public Uni<Outcome<CompletionView>> complete(Caller caller, UUID courseId, CompleteCourseRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.PARTNER);
            validator.check(request);
            UUID channelId = Ids.parse(request.channelId(), "channelId");
            String tenant = caller.tenant();
            // The course in the path first (404), then the channel in the body (400).
            return get(caller, courseId).flatMap(course -> channels.find(db.pool(), tenant, channelId).map(ch -> {
                        if (ch.isEmpty() || (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId()))) {
                            throw ApiException.invalid("channelId", "no such channel");
                        }
                        return course;
                    }))
                    .flatMap(course -> idempotency.runRecording(caller, idempotencyKey, "POST /courses/" + courseId + "/completions", request,
                            CompletionView.class, completion -> db.inTransaction(tx -> {
                                Instant now = now();
                                UUID completionId = Ids.newId();
                                boolean passed = request.score() >= course.passingScore();
                                CertificationView cert = !passed ? null : new CertificationView(Ids.newId().toString(), course.id(),
                                        course.code(), channelId.toString(), request.learner(), request.score(), now,
                                        course.certificationValidDays() == null ? null
                                                : now.plus(Duration.ofDays(course.certificationValidDays())), true);
                                CompletionView view = new CompletionView(completionId.toString(), course.id(), course.code(),
                                        channelId.toString(), request.learner(), request.score(), passed, now, cert);
                                return certifications.insertCompletion(tx, tenant, completionId, courseId, channelId, request.learner(),
                                                request.score(), passed, caller.subject(), now)
                                        .call(x -> cert == null ? Uni.createFrom().voidItem()
                                                : certifications.insertCertification(tx, tenant, cert, completionId))
                                        .call(x -> outbox.append(tx, caller, "course.completed", "course", courseId, channelId, view))
                                        .call(x -> cert == null ? Uni.createFrom().voidItem()
                                                : outbox.append(tx, caller, "certification.issued", "certification", UUID.fromString(cert.id()),
                                                channelId, cert))
                                        .replaceWith(view)
                                        .flatMap(v -> completion.record(tx, Outcome.created(v)));
                            })));
        });
    }

    // ------------------------------------------------------------------ certifications

    /** A channel's certifications (validOnly: those valid now); partners only their own channel (others 404). */
    public Uni<Page<CertificationView>> ofChannel(Caller caller, UUID channelId, boolean validOnly, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
                throw ApiException.notFound("channel", channelId);
            }
            Instant now = now();
            return channels.find(db.pool(), caller.tenant(), channelId)
                    .map(found -> found.orElseThrow(() -> ApiException.notFound("channel", channelId)))
                    .flatMap(ch -> certifications.ofChannel(caller.tenant(), channelId, validOnly, now, page.afterId(), page.fetchSize()))
                    .map(rows -> Page.of(rows, page, CertificationView::id));
        });
    }

    /**
     * The certification gate of order placement, run inside its transaction: a partner channel must hold a certification
     * valid at {@code at} for every course its SKUs require ({@code requiredBySku}: SKU → course code, in line order);
     * owned channels are not gated. Costs one statement, and none when no SKU requires a course or the channel is owned.
     */
    public Uni<Void> requireCertified(SqlClient tx, String tenant, ChannelView channel, Map<String, String> requiredBySku, Instant at) {
        if (requiredBySku.isEmpty() || !channel.type().isPartner()) {
            return Uni.createFrom().voidItem();
        }
        UUID channelId = UUID.fromString(channel.id());
        return certifications.missing(tx, tenant, channelId, new LinkedHashSet<>(requiredBySku.values()), at).map(missing -> {
            if (missing.isEmpty()) {
                return null;
            }
            List<FieldError> errors = new ArrayList<>();
            List<String> skus = new ArrayList<>();
            requiredBySku.forEach((sku, course) -> {
                if (missing.contains(course)) {
                    skus.add(sku);
                    errors.add(new FieldError("lines", sku + " requires a valid certification for course " + course));
                }
            });
            throw new ApiException(ErrorCode.CERTIFICATION_REQUIRED, "channel " + channel.code() + " holds no valid certification for "
                    + String.join(", ", missing) + ", which " + String.join(", ", skus) + (skus.size() == 1 ? " requires" : " require"),
                    errors);
        }).replaceWithVoid();
    }

    // ------------------------------------------------------------------ expiry reminders

    /**
     * Emits {@code certification.expiring} once per certification whose expiresAt is within {@link #REMINDER_AHEAD} of
     * {@code now} (and not yet passed), unless the learner already renewed it. The row records the announcement in the same
     * transaction as the event, so restarts and other instances never announce it again. Answers how many it announced.
     */
    public Uni<Integer> announceExpiring(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return db.background().inTransaction(tx -> certifications.claimExpiring(tx, at, at.plus(REMINDER_AHEAD), SWEEP_BATCH).flatMap(rows -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Row r : rows) {
                String tenant = r.getString("tenant_id");
                CertificationView c = CertificationRepository.toView(r, at);
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("certification", c);
                payload.put("daysLeft", Duration.between(at, c.expiresAt()).toDays());
                chain = chain.flatMap(x -> outbox.append(tx, tenant, "system", "certification.expiring", "certification",
                        UUID.fromString(c.id()), UUID.fromString(c.channelId()), payload));
            }
            return chain.replaceWith(rows.size());
        }));
    }

    @Scheduled(every = "${channelhub.certifications.reminder-every:10m}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reminderJob() {
        return announceExpiring(Instant.now()).onFailure().invoke(e -> LOG.warn("certification reminder sweep failed", e))
                .onFailure().recoverWithItem(0).replaceWithVoid();
    }

    // ------------------------------------------------------------------ helpers

    private static void requireReader(Caller caller) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
