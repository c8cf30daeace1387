package dev.channelhub.aftersales;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.customer.CustomerService;
import dev.channelhub.customer.CustomerView;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.order.OrderAfterSales;
import dev.channelhub.order.OrderView;
import dev.channelhub.settings.TenantSettingsService;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
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
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Service cases, API-CONTRACT-2 §7. Routing and authorisation live here; every write is one Hibernate Reactive
 * session transaction holding the entity change, its timeline row, the {@code serviceCase.*} outbox event and (for
 * creation) the idempotency answer. A partner sees and works only the cases assigned to its channel (others 404).
 */
@ApplicationScoped
public class ServiceCaseService {

    private static final Logger LOG = Logger.getLogger(ServiceCaseService.class);
    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ServiceCaseRepository cases;
    private final OrderAfterSales orders;
    private final CustomerService customers;
    private final ChannelService channels;
    private final TenantSettingsService settings;
    private final IdempotencyService idempotency;
    private final RequestValidator validator;
    private final EventOutbox outbox;
    private final Db db;

    public ServiceCaseService(ServiceCaseRepository cases, OrderAfterSales orders, CustomerService customers, ChannelService channels,
                              TenantSettingsService settings, IdempotencyService idempotency, RequestValidator validator,
                              EventOutbox outbox, Db db) {
        this.cases = cases;
        this.orders = orders;
        this.customers = customers;
        this.channels = channels;
        this.settings = settings;
        this.idempotency = idempotency;
        this.validator = validator;
        this.outbox = outbox;
        this.db = db;
    }

    // ------------------------------------------------------------------ open

    /** Where a case goes and whom it is about. */
    private record Routing(UUID assignedChannelId, UUID customerId, UUID orderId, UUID channelId) {
    }

    public Uni<Outcome<ServiceCaseView>> open(Caller caller, OpenServiceCaseRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
            validator.check(request);
            UUID customerId = Ids.parseNullable(request.customerId(), "customerId");
            UUID orderId = Ids.parseNullable(request.orderId(), "orderId");
            UUID channelId = Ids.parseNullable(request.channelId(), "channelId");
            if (customerId == null && orderId == null && channelId == null) {
                throw ApiException.invalid("channelId", "give orderId, customerId or channelId: the case needs a serving channel");
            }
            ServicePriority priority = request.priority() == null ? ServicePriority.NORMAL : request.priority();
            String tenant = caller.tenant();
            return idempotency.runRecording(caller, idempotencyKey, "POST /service-cases", request, ServiceCaseView.class, completion ->
                    route(caller, customerId, orderId, channelId)
                            .flatMap(routing -> settings.current(db.pool(), tenant).flatMap(s -> nextNumber(tenant).flatMap(number ->
                                    Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                                        Instant now = now();
                                        ServiceCaseEntity e = new ServiceCaseEntity();
                                        e.tenantId = tenant;
                                        e.id = Ids.newId();
                                        e.number = number;
                                        e.customerId = routing.customerId();
                                        e.orderId = routing.orderId();
                                        e.channelId = routing.channelId();
                                        e.assignedChannelId = routing.assignedChannelId();
                                        e.category = request.category();
                                        e.priority = priority;
                                        e.status = ServiceCaseStatus.OPEN;
                                        e.subject = request.subject();
                                        e.description = request.description();
                                        e.dueAt = now.plus(Duration.ofHours(priority.slaHours(s)));
                                        e.createdBy = caller.subject();
                                        e.createdAt = now;
                                        e.updatedAt = now;
                                        return session.persist(e).call(session::flush).flatMap(x -> {
                                            ServiceCaseView v = e.toView(now);
                                            return cases.event(session, tenant, e.id, "OPENED", caller.subject(),
                                                            Map.of("assignedChannelId", v.assignedChannelId(), "priority", priority.name(),
                                                                    "dueAt", v.dueAt().toString()), now)
                                                    .call(y -> outbox.append(session, caller, "serviceCase.opened", "serviceCase", e.id,
                                                            e.assignedChannelId, v))
                                                    .flatMap(y -> completion.record(session, Outcome.created(v)));
                                        });
                                    }))))));
        });
    }

    private Uni<String> nextNumber(String tenant) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        return cases.nextNumber(tenant, day).map(n -> String.format("SC-%s-%06d", day.format(NUMBER_DAY), n));
    }

    /** The serving channel: the order's; else the customer's owner channel; else channelId. A partner routes only to itself. */
    private Uni<Routing> route(Caller caller, UUID customerId, UUID orderId, UUID channelId) {
        String tenant = caller.tenant();
        Uni<OrderView> order = orderId == null ? Uni.createFrom().nullItem()
                : orders.find(db.pool(), caller, orderId).map(o -> o.orElseThrow(() -> ApiException.invalid("orderId", "no such order")));
        return order.flatMap(o -> {
            UUID customer = customerId != null ? customerId : o == null || o.customerId() == null ? null : UUID.fromString(o.customerId());
            Uni<CustomerView> c = customer == null ? Uni.createFrom().nullItem() : visibleCustomer(caller, customer);
            return c.flatMap(cv -> {
                if (o != null) {
                    return Uni.createFrom().item(new Routing(UUID.fromString(o.channelId()), customer, orderId, channelId));
                }
                if (cv != null && cv.ownerChannelId() != null) {
                    return Uni.createFrom().item(new Routing(UUID.fromString(cv.ownerChannelId()), customer, null, channelId));
                }
                if (channelId == null) {
                    throw ApiException.invalid("channelId", "the customer has no owner channel: give channelId");
                }
                return channels.find(db.pool(), tenant, channelId).map(ch -> {
                    if (ch.isEmpty() || (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId()))) {
                        throw ApiException.invalid("channelId", "no such channel");
                    }
                    return new Routing(channelId, customer, null, channelId);
                });
            });
        }).invoke(r -> {
            if (caller.isPartnerOnly() && !r.assignedChannelId().equals(caller.partnerChannelId())) {
                throw ApiException.forbidden("a partner opens cases only for its own channel's customers and orders");
            }
        });
    }

    /** The customer with its real owner channel; a partner must see the customer (else 400 on customerId). */
    private Uni<CustomerView> visibleCustomer(Caller caller, UUID id) {
        Uni<Void> check = !caller.isPartnerOnly() ? Uni.createFrom().voidItem()
                : customers.get(caller, id).onFailure(e -> e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND)
                .transform(e -> ApiException.invalid("customerId", "no such customer")).replaceWithVoid();
        return check.flatMap(x -> customers.find(db.pool(), caller.tenant(), id))
                .map(c -> c.orElseThrow(() -> ApiException.invalid("customerId", "no such customer")));
    }

    // ------------------------------------------------------------------ work on a case

    public Uni<ServiceCaseView> transition(Caller caller, UUID id, ServiceCaseTransitionRequest request) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
            validator.check(request);
            return write(caller, id, (session, e) -> {
                ServiceCaseStatus from = e.status;
                ServiceCaseLifecycle.require(e.number, from, request.to());
                Instant now = now();
                e.status = request.to();
                if (request.to() == ServiceCaseStatus.RESOLVED) {
                    e.resolvedAt = now;
                } else if (request.to() == ServiceCaseStatus.IN_PROGRESS && from == ServiceCaseStatus.RESOLVED) {
                    e.resolvedAt = null;
                }
                e.updatedAt = now;
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("from", from.name());
                details.put("to", request.to().name());
                details.put("note", request.note());
                String type = from == ServiceCaseStatus.RESOLVED && request.to() == ServiceCaseStatus.IN_PROGRESS ? "reopened"
                        : request.to().name().toLowerCase();
                return new Change("STATUS_" + request.to().name(), details, "serviceCase." + camel(type));
            });
        });
    }

    public Uni<ServiceCaseCommentView> comment(Caller caller, UUID id, ServiceCaseCommentRequest request) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
            validator.check(request);
            return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> lockVisible(caller, id).flatMap(e -> {
                Instant now = now();
                ServiceCaseCommentEntity c = new ServiceCaseCommentEntity();
                c.tenantId = caller.tenant();
                c.id = Ids.newId();
                c.caseId = e.id;
                c.body = request.body();
                c.author = caller.subject();
                c.createdAt = now;
                ServiceCaseCommentView v = c.toView();
                return session.persist(c)
                        .call(x -> cases.event(session, caller.tenant(), e.id, "COMMENTED", caller.subject(), Map.of("commentId", v.id()), now))
                        .call(x -> outbox.append(session, caller, "serviceCase.commented", "serviceCase", e.id, e.assignedChannelId,
                                Map.of("caseId", e.id.toString(), "number", e.number, "comment", v)))
                        .replaceWith(v);
            })));
        });
    }

    public Uni<ServiceCaseView> reassign(Caller caller, UUID id, ReassignServiceCaseRequest request) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            validator.check(request);
            UUID channelId = Ids.parse(request.channelId(), "channelId");
            // An unknown case is 404 before the body's channel is looked at.
            return get(caller, id).flatMap(visible -> channels.find(db.pool(), caller.tenant(), channelId))
                    .invoke(ch -> {
                        if (ch.isEmpty()) {
                            throw ApiException.invalid("channelId", "no such channel");
                        }
                    })
                    .flatMap(x -> write(caller, id, (session, e) -> {
                        UUID before = e.assignedChannelId;
                        e.assignedChannelId = channelId;
                        e.updatedAt = now();
                        return new Change("REASSIGNED", Map.of("from", before.toString(), "to", channelId.toString()), "serviceCase.reassigned");
                    }));
        });
    }

    public Uni<ServiceCaseView> rate(Caller caller, UUID id, SatisfactionRequest request) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
            validator.check(request);
            return write(caller, id, (session, e) -> {
                if (!ServiceCaseLifecycle.canRate(e.status)) {
                    throw new ApiException(ErrorCode.INVALID_TRANSITION, "service case " + e.number + " is " + e.status
                            + "; satisfaction is given once it is RESOLVED or CLOSED");
                }
                if (e.satisfactionScore != null) {
                    throw new ApiException(ErrorCode.DUPLICATE, "service case " + e.number + " already has a satisfaction score");
                }
                Instant now = now();
                e.satisfactionScore = request.score();
                e.satisfactionComment = request.comment();
                e.satisfactionAt = now;
                e.updatedAt = now;
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("score", request.score());
                details.put("comment", request.comment());
                return new Change("SATISFACTION", details, "serviceCase.rated");
            });
        });
    }

    /** What a write did: its timeline type and details, and the outbox event type. */
    private record Change(String eventType, Map<String, Object> details, String outboxType) {
    }

    /** Locks the visible case, applies {@code change} to the entity, then writes timeline, flush and outbox in one transaction. */
    private Uni<ServiceCaseView> write(Caller caller, UUID id, java.util.function.BiFunction<Mutiny.Session, ServiceCaseEntity, Change> change) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> lockVisible(caller, id).flatMap(e -> {
            UUID channelBefore = e.assignedChannelId;
            Change c = change.apply(session, e);
            return session.flush().flatMap(x -> {
                ServiceCaseView v = e.toView(now());
                return cases.event(session, caller.tenant(), e.id, c.eventType(), caller.subject(), c.details(), v.updatedAt())
                        .call(y -> outbox.append(session, caller, c.outboxType(), "serviceCase", e.id, e.assignedChannelId, v))
                        // The channel that lost a reassigned case hears of it too.
                        .call(y -> channelBefore.equals(e.assignedChannelId) ? Uni.createFrom().voidItem()
                                : outbox.append(session, caller, c.outboxType(), "serviceCase", e.id, channelBefore, v))
                        .replaceWith(v);
            });
        })));
    }

    private Uni<ServiceCaseEntity> lockVisible(Caller caller, UUID id) {
        return ServiceCaseEntity.<ServiceCaseEntity>find("tenantId = ?1 and id = ?2", caller.tenant(), id)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult()
                .map(e -> {
                    if (e == null || !visible(caller, e)) {
                        throw ApiException.notFound("service case", id);
                    }
                    return e;
                });
    }

    // ------------------------------------------------------------------ reads

    public Uni<ServiceCaseView> get(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            return Panache.withSession(() -> cases.find(caller.tenant(), id).map(e -> {
                if (e == null || !visible(caller, e)) {
                    throw ApiException.notFound("service case", id);
                }
                return e.toView(now());
            }));
        });
    }

    public Uni<Page<ServiceCaseView>> list(Caller caller, ServiceCaseFilter filter, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            UUID scope = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
            Instant now = now();
            return Panache.withSession(() -> cases.list(caller.tenant(), scope, filter, page.afterId(), page.fetchSize(), now))
                    .map(rows -> Page.of(rows.stream().map(e -> e.toView(now)).toList(), page, ServiceCaseView::id));
        });
    }

    public Uni<Page<AfterSalesEventView>> timeline(Caller caller, UUID id, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            Long after = seqCursor(page);
            return get(caller, id).flatMap(c -> cases.timeline(caller.tenant(), id, after, page.fetchSize()))
                    .map(rows -> Page.of(rows, page, AfterSalesEventView::id));
        });
    }

    /** Comments of each case (batched for GraphQL, one statement), oldest first. */
    public Uni<List<List<ServiceCaseCommentView>>> commentsOf(Caller caller, List<ServiceCaseView> list) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            List<UUID> ids = list.stream().map(ServiceCaseView::uuid).distinct().toList();
            return Panache.withSession(() -> cases.commentsOf(caller.tenant(), ids)).map(rows -> {
                Map<UUID, List<ServiceCaseCommentView>> by = new HashMap<>();
                rows.forEach(c -> by.computeIfAbsent(c.caseId, k -> new java.util.ArrayList<>()).add(c.toView()));
                return list.stream().map(v -> by.getOrDefault(v.uuid(), List.of())).toList();
            });
        });
    }

    public Uni<Page<ServiceCaseCommentView>> comments(Caller caller, UUID id) {
        return get(caller, id).flatMap(v -> commentsOf(caller, List.of(v))).map(l -> new Page<>(l.get(0), null));
    }

    /** Cases of each customer, newest first (partners: those assigned to their channel); one statement for all. */
    public Uni<List<List<ServiceCaseView>>> ofCustomers(Caller caller, List<UUID> customerIds) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            UUID scope = caller.isPartnerOnly() ? caller.partnerChannelId() : null;
            List<UUID> distinct = customerIds.stream().distinct().toList();
            Instant now = now();
            return Panache.withSession(() -> cases.ofCustomers(caller.tenant(), scope, distinct)).map(rows -> {
                Map<UUID, List<ServiceCaseView>> by = new HashMap<>();
                rows.forEach(e -> by.computeIfAbsent(e.customerId, k -> new java.util.ArrayList<>()).add(e.toView(now)));
                return customerIds.stream().map(c -> by.getOrDefault(c, List.of())).toList();
            });
        });
    }

    // ------------------------------------------------------------------ overdue sweep

    /**
     * Emits {@code serviceCase.overdue} once per case that passed its dueAt while still OPEN or IN_PROGRESS. The case row
     * records that it was announced in the same transaction as the event, so a restart or a second instance never
     * announces it again. Answers how many cases it announced.
     */
    public Uni<Integer> announceOverdue(Instant now) {
        return db.inTransaction(tx -> cases.claimOverdue(tx, now, 500).flatMap(rows -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Row r : rows) {
                String tenant = r.getString("tenant_id");
                UUID id = r.getUUID("id");
                UUID channel = r.getUUID("assigned_channel_id");
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("id", id.toString());
                payload.put("number", r.getString("number"));
                payload.put("assignedChannelId", channel.toString());
                payload.put("priority", r.getString("priority"));
                payload.put("dueAt", r.getOffsetDateTime("due_at").toInstant().toString());
                chain = chain.flatMap(x -> cases.eventOnPool(tx, tenant, id, "OVERDUE", "system", payload, now))
                        .flatMap(x -> outbox.append(tx, tenant, "system", "serviceCase.overdue", "serviceCase", id, channel, payload));
            }
            return chain.replaceWith(rows.size());
        }));
    }

    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> overdueJob() {
        return announceOverdue(Instant.now()).onFailure().invoke(e -> LOG.warn("service case overdue sweep failed", e))
                .onFailure().recoverWithItem(0).replaceWithVoid();
    }

    // ------------------------------------------------------------------ helpers

    private static void requireReader(Caller caller) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
    }

    private static boolean visible(Caller caller, ServiceCaseEntity e) {
        return !caller.isPartnerOnly() || e.assignedChannelId.equals(caller.partnerChannelId());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    private static Long seqCursor(PageRequest page) {
        if (page.after() == null) {
            return null;
        }
        try {
            return Long.parseLong(page.after());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("cursor", "is not a cursor this API issued");
        }
    }

}
