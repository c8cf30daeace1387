package dev.channelhub.lead;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelStatus;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.money.Money;
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
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Lead use cases: creation with identity resolution and routing, the lifecycle, manual reassignment, the accept
 * deadline job and the figures analytics reads.
 */
@ApplicationScoped
public class LeadService {

    private static final Logger LOG = Logger.getLogger(LeadService.class);

    @Inject
    LeadRepository leads;

    @Inject
    LeadRoutingRuleRepository rules;

    @Inject
    LeadSettingsRepository settingsRepo;

    @Inject
    ChannelService channels;

    @Inject
    CustomerResolver customers;

    @Inject
    Db db;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    @Inject
    EventOutbox outbox;

    /** Per channel: leads it originated (and of those converted, by anyone), leads assigned to it, leads it converted. */
    public record ConversionFigures(UUID channelId, long originated, long originatedConverted, long assigned, long converted) {
    }

    private record Pick(UUID channelId, UUID ruleId) {
    }

    public Uni<Outcome<LeadView>> create(Caller caller, CreateLeadRequest request, String idempotencyKey) {
        caller.require(Role.SALES, Role.INTEGRATION, Role.PARTNER);
        validator.check(request);
        UUID requested = Ids.parseNullable(request.sourceChannelId(), "sourceChannelId");
        UUID source = requested;
        if (caller.isPartnerOnly()) {
            if (requested != null && !requested.equals(caller.partnerChannelId())) {
                throw ApiException.forbidden("a partner creates leads only for its own channel");
            }
            source = caller.partnerChannelId();
        }
        String currency = Money.currency(request.currency(), "currency");
        UUID sourceChannel = source;
        return idempotency.run(caller, idempotencyKey, "POST /leads", request, LeadView.class, () -> {
            Uni<Void> sourceCheck = sourceChannel == null ? Uni.createFrom().voidItem()
                    : channels.find(db.pool(), caller.tenant(), sourceChannel).map(found -> {
                        if (found.isEmpty()) {
                            throw ApiException.invalid("sourceChannelId", "no such channel");
                        }
                        return null;
                    });
            String region = LeadRepository.blankToNull(request.region());
            String category = LeadRepository.blankToNull(request.category());
            return sourceCheck.flatMap(x -> db.inTransaction(tx -> leads.lockRouting(tx, caller.tenant())
                    .flatMap(y -> pick(tx, caller.tenant(), region, category, request.estimatedValue(), Set.of()))
                    .flatMap(pick -> {
                        // the customer is identified through the channel it came from, else the one the lead goes to
                        UUID seenThrough = sourceChannel != null ? sourceChannel : pick.map(Pick::channelId).orElse(null);
                        if (seenThrough == null) {
                            throw ApiException.invalid("sourceChannelId",
                                    "is required when no routing rule assigns the lead (the customer is identified through it)");
                        }
                        UUID id = Ids.newId();
                        return customers.resolve(tx, caller, seenThrough, request.customer())
                                .flatMap(customerId -> leads.insert(tx, caller.tenant(), id, customerId, request, sourceChannel, currency,
                                        caller.subject()))
                                .flatMap(y -> pick.isEmpty() ? Uni.createFrom().voidItem()
                                        : settingsRepo.settings(tx, caller.tenant()).flatMap(s -> assignTo(tx, caller.tenant(), caller.subject(),
                                        id, pick.get(), s, "RULE")))
                                .flatMap(y -> leads.find(tx, caller.tenant(), id, false)).map(Optional::orElseThrow);
                    })
                    .map(Outcome::created)));
        });
    }

    public Uni<LeadView> get(Caller caller, UUID id) {
        return leads.find(db.pool(), caller.tenant(), id, false).map(found -> {
            LeadView lead = found.filter(l -> visible(caller, l)).orElseThrow(() -> ApiException.notFound("lead", id));
            return lead;
        });
    }

    public Uni<Page<LeadView>> list(Caller caller, LeadFilter filter, PageRequest page) {
        UUID scope = null;
        if (caller.isPartnerOnly()) {
            scope = caller.partnerChannelId();
        } else {
            caller.require(Role.SALES, Role.MANAGER, Role.INTEGRATION);
        }
        return leads.list(caller.tenant(), scope, filter, page).map(rows -> Page.of(rows, page, LeadView::id));
    }

    public Uni<LeadView> accept(Caller caller, UUID id) {
        return act(caller, id, false, (tx, lead) -> {
            LeadStatus next = LeadLifecycle.require(lead.id(), lead.status(), LeadLifecycle.Action.ACCEPT);
            return leads.setStatus(tx, caller.tenant(), id, next, null);
        });
    }

    /** The assigned channel gives the lead back; it is routed again, never to a channel that gave it back before. */
    public Uni<LeadView> reject(Caller caller, UUID id, String reason) {
        return act(caller, id, true, (tx, lead) -> {
            LeadLifecycle.require(lead.id(), lead.status(), LeadLifecycle.Action.REJECT);
            UUID rejecting = UUID.fromString(lead.assignedChannelId());
            return leads.reject(tx, caller.tenant(), id, rejecting, "REJECTED", reason)
                    .flatMap(x -> reroute(tx, caller.tenant(), caller.subject(), id, "REJECTED"));
        });
    }

    /**
     * Converts an accepted lead. With an order, the order's channel gets the conversion (the source channel keeps the
     * origination); without one, the assigned channel does. A partner converts only with an order placed through its
     * own channel (any other order, or none such: 404) for the lead's customer (another customer's: 400 on orderId).
     */
    public Uni<LeadView> convert(Caller caller, UUID id, String orderIdText) {
        UUID orderId = Ids.parseNullable(orderIdText, "orderId");
        return act(caller, id, false, (tx, lead) -> {
            LeadLifecycle.require(lead.id(), lead.status(), LeadLifecycle.Action.CONVERT);
            Uni<UUID> conversionChannel = orderId == null ? Uni.createFrom().item(UUID.fromString(lead.assignedChannelId()))
                    : leads.orderRef(tx, caller.tenant(), orderId).flatMap(o -> {
                        if (!caller.isPartnerOnly()) {
                            return Uni.createFrom().item(o.orElseThrow(() -> ApiException.invalid("orderId", "no such order")).channelId());
                        }
                        LeadRepository.OrderRef ref = o.filter(r -> r.channelId().equals(caller.partnerChannelId()))
                                .orElseThrow(() -> ApiException.notFound("order", orderId));
                        return ofLeadCustomer(tx, caller.tenant(), lead, ref.customerId()).map(same -> {
                            if (!same) {
                                throw ApiException.invalid("orderId", "is not an order of the lead's customer");
                            }
                            return ref.channelId();
                        });
                    });
            return conversionChannel.flatMap(channel -> leads.convert(tx, caller.tenant(), id, orderId, channel)
                    .call(() -> outbox.append(tx, caller, "lead.converted", "lead", id, channel,
                            eventPayload(id, channel, lead.sourceChannelId(), orderId))));
        });
    }

    public Uni<LeadView> lose(Caller caller, UUID id, String reason) {
        return act(caller, id, false, (tx, lead) -> {
            LeadStatus next = LeadLifecycle.require(lead.id(), lead.status(), LeadLifecycle.Action.LOSE);
            return leads.setStatus(tx, caller.tenant(), id, next, reason);
        });
    }

    /** Manual reassignment of an open lead to an active channel (sales and managers). */
    public Uni<LeadView> assign(Caller caller, UUID id, String channelIdText) {
        if (caller.isPartnerOnly()) {
            // Another channel's lead is NOT_FOUND to a partner (contract §3); its own is FORBIDDEN.
            return get(caller, id).flatMap(l -> Uni.createFrom().failure(ApiException.forbidden("partners cannot reassign leads")));
        }
        caller.require(Role.SALES, Role.MANAGER);
        UUID channelId = Ids.parse(channelIdText, "channelId");
        return channels.find(db.pool(), caller.tenant(), channelId).flatMap(found -> {
            if (found.isEmpty() || found.get().status() != ChannelStatus.ACTIVE) {
                throw ApiException.invalid("channelId", "must be an active channel");
            }
            return act(caller, id, true, (tx, lead) -> {
                LeadLifecycle.require(lead.id(), lead.status(), LeadLifecycle.Action.ASSIGN);
                return settingsRepo.settings(tx, caller.tenant()).flatMap(s -> assignTo(tx, caller.tenant(), caller.subject(), id,
                        new Pick(channelId, null), s, "MANUAL"));
            });
        });
    }

    /** Re-routes every NEW lead whose accept deadline is at or before {@code now}; answers how many it handled. */
    public Uni<Integer> rerouteOverdue(Instant now) {
        return leads.overdue(now, 200).flatMap(rows -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Object[] row : rows) {
                String tenant = (String) row[0];
                UUID id = (UUID) row[1];
                chain = chain.flatMap(n -> db.inTransaction(tx -> leads.lockRouting(tx, tenant)
                        .flatMap(x -> leads.find(tx, tenant, id, true))
                        .flatMap(found -> {
                            LeadView lead = found.orElse(null);
                            if (lead == null || LeadLifecycle.next(lead.status(), LeadLifecycle.Action.DEADLINE_PASSED).isEmpty()
                                    || lead.acceptDeadline() == null
                                    || lead.acceptDeadline().isAfter(now)) {
                                return Uni.createFrom().item(n);
                            }
                            return leads.reject(tx, tenant, id, UUID.fromString(lead.assignedChannelId()), "DEADLINE", null)
                                    .flatMap(x -> reroute(tx, tenant, "system", id, "DEADLINE")).replaceWith(n + 1);
                        })));
            }
            return chain;
        });
    }

    private final DueSweep sweep = new DueSweep();

    /** Reroutes leads whose accept deadline passed; see {@link DueSweep} for when it touches the database. */
    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deadlineJob() {
        Instant now = Instant.now();
        if (!sweep.claim(now)) {
            return Uni.createFrom().voidItem();
        }
        return rerouteOverdue(now).onFailure().invoke(e -> LOG.warn("lead deadline job failed", e))
                .onFailure().recoverWithItem(0).replaceWithVoid();
    }

    // ---- settings

    public Uni<LeadSettings> settings(Caller caller) {
        caller.require(Role.MANAGER, Role.SALES);
        return settingsRepo.settings(db.pool(), caller.tenant());
    }

    /**
     * {@code PUT /lead-settings}: sets the settings given. The tenant's row is an entity, created with the defaults at the
     * first change (an insert that does nothing when a concurrent first change created it), then locked and changed.
     */
    public Uni<LeadSettings> updateSettings(Caller caller, LeadSettings patch) {
        caller.require(Role.MANAGER);
        validator.check(patch);
        if (patch.acceptDeadlineMinutes() == null && patch.dealProtectionDays() == null) {
            throw ApiException.invalid("body", "names no setting to change");
        }
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> settingsRepo.lockEntity(caller.tenant())
                .flatMap(found -> found != null ? Uni.createFrom().item(found)
                        : settingsRepo.createDefaults(session, caller.tenant()).flatMap(x -> settingsRepo.lockEntity(caller.tenant())))
                .flatMap(s -> {
                    if (patch.acceptDeadlineMinutes() != null) {
                        s.acceptDeadlineMinutes = patch.acceptDeadlineMinutes();
                    }
                    if (patch.dealProtectionDays() != null) {
                        s.dealProtectionDays = patch.dealProtectionDays();
                    }
                    s.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return session.flush().map(x -> s.toView());
                })));
    }

    // ---- analytics

    /**
     * Lead figures per channel for analytics, one statement: leads the channel originated in [from, to) and how many of
     * those were converted (by any channel), leads assigned to it in the window, and leads it converted in the window.
     */
    public Uni<Map<UUID, ConversionFigures>> conversionFigures(SqlClient client, String tenant, List<UUID> channelIds, Instant from,
                                                               Instant to) {
        List<UUID> distinct = channelIds.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return leads.conversionFigures(client, tenant, distinct, from, to).map(rows -> {
            Map<UUID, ConversionFigures> out = new LinkedHashMap<>();
            rows.forEach(r -> out.put(r.getUUID("channel_id"), new ConversionFigures(r.getUUID("channel_id"), r.getLong("originated"),
                    r.getLong("originated_converted"), r.getLong("assigned"), r.getLong("converted"))));
            return out;
        });
    }

    // ---- internals

    @FunctionalInterface
    private interface Action {
        Uni<Void> apply(SqlClient tx, LeadView lead);
    }

    /** Loads the lead for update (routing lock first when the action may route), checks who may act, runs, re-reads. */
    private Uni<LeadView> act(Caller caller, UUID id, boolean routes, Action action) {
        if (!caller.isPartnerOnly()) {
            caller.require(Role.SALES, Role.MANAGER);
        }
        return db.inTransaction(tx -> (routes ? leads.lockRouting(tx, caller.tenant()) : Uni.createFrom().voidItem())
                .flatMap(x -> leads.find(tx, caller.tenant(), id, true))
                .flatMap(found -> {
                    LeadView lead = found.orElseThrow(() -> ApiException.notFound("lead", id));
                    if (caller.isPartnerOnly() && !caller.partnerChannelId().toString().equals(lead.assignedChannelId())) {
                        throw ApiException.notFound("lead", id);
                    }
                    return action.apply(tx, lead);
                })
                .flatMap(x -> leads.find(tx, caller.tenant(), id, false)).map(Optional::orElseThrow));
    }

    /** The order's customer (as placed) is the lead's, or has been merged into it since. */
    private Uni<Boolean> ofLeadCustomer(SqlClient tx, String tenant, LeadView lead, UUID orderCustomer) {
        if (orderCustomer == null) {
            return Uni.createFrom().item(false);
        }
        if (orderCustomer.toString().equals(lead.customerId())) {
            return Uni.createFrom().item(true);
        }
        return customers.current(tx, tenant, orderCustomer).map(now -> now != null && now.toString().equals(lead.customerId()));
    }

    private boolean visible(Caller caller, LeadView lead) {
        if (caller.isPartnerOnly()) {
            String own = caller.partnerChannelId().toString();
            return own.equals(lead.assignedChannelId()) || own.equals(lead.sourceChannelId());
        }
        caller.require(Role.SALES, Role.MANAGER, Role.INTEGRATION);
        return true;
    }

    private Uni<Void> reroute(SqlClient tx, String tenant, String actor, UUID id, String reason) {
        return leads.find(tx, tenant, id, false).map(Optional::orElseThrow)
                .flatMap(lead -> leads.rejectedBy(tx, tenant, id)
                        .flatMap(excluded -> route(tx, tenant, actor, lead, new HashSet<>(excluded), reason)))
                .replaceWithVoid();
    }

    /** Routes a lead under the tenant's routing lock: first matching rule with an eligible channel wins; none → UNASSIGNED. */
    private Uni<LeadView> route(SqlClient tx, String tenant, String actor, LeadView lead, Set<UUID> excluded, String reason) {
        UUID id = UUID.fromString(lead.id());
        return leads.lockRouting(tx, tenant)
                .flatMap(x -> pick(tx, tenant, lead.region(), lead.category(), lead.estimatedValue(), excluded))
                .flatMap(pick -> {
                    if (pick.isEmpty()) {
                        return leads.unassign(tx, tenant, id);
                    }
                    return settingsRepo.settings(tx, tenant).flatMap(s -> assignTo(tx, tenant, actor, id, pick.get(), s, reason));
                })
                .flatMap(x -> leads.find(tx, tenant, id, false)).map(Optional::orElseThrow);
    }

    /** The channel a lead with these attributes goes to (caller holds the routing lock). */
    private Uni<Optional<Pick>> pick(SqlClient tx, String tenant, String region, String category, BigDecimal value, Set<UUID> excluded) {
        return rules.rules(tx, tenant).flatMap(rules -> tryRules(tx, tenant, rules.stream().sorted(LeadRouter.order())
                .filter(r -> LeadRouter.matches(r.match(), region, category, value)).toList(), 0, excluded));
    }

    private Uni<Void> assignTo(SqlClient tx, String tenant, String actor, UUID id, Pick pick, LeadSettings s, String reason) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(s.acceptDeadlineMinutes()));
        Map<String, Object> payload = new HashMap<>();
        payload.put("leadId", id.toString());
        payload.put("channelId", pick.channelId().toString());
        payload.put("ruleId", pick.ruleId() == null ? null : pick.ruleId().toString());
        payload.put("reason", reason);
        payload.put("acceptDeadline", deadline.toString());
        sweep.expect(deadline);
        return leads.assign(tx, tenant, id, pick.channelId(), pick.ruleId(), deadline, reason, actor)
                .flatMap(x -> outbox.append(tx, tenant, actor, "lead.assigned", "lead", id, pick.channelId(), payload));
    }

    private Uni<Optional<Pick>> tryRules(SqlClient tx, String tenant, List<RoutingRuleView> rules, int index, Set<UUID> excluded) {
        if (index >= rules.size()) {
            return Uni.createFrom().item(Optional.empty());
        }
        RoutingRuleView rule = rules.get(index);
        UUID ruleId = UUID.fromString(rule.id());
        Uni<Optional<UUID>> chosen;
        if (rule.target().channelId() != null) {
            UUID target = UUID.fromString(rule.target().channelId());
            chosen = excluded.contains(target) ? Uni.createFrom().item(Optional.empty())
                    : channels.find(tx, tenant, target).map(c -> c.filter(v -> v.status() == ChannelStatus.ACTIVE).map(v -> target));
        } else {
            chosen = channels.memberIds(tx, tenant, List.of(UUID.fromString(rule.target().channelGroupId())))
                    .flatMap(members -> pickMember(tx, tenant, members.stream().filter(m -> !excluded.contains(m)).toList()));
        }
        return chosen.flatMap(c -> c.isPresent() ? Uni.createFrom().item(Optional.of(new Pick(c.get(), ruleId)))
                : tryRules(tx, tenant, rules, index + 1, excluded));
    }

    private Uni<Optional<UUID>> pickMember(SqlClient tx, String tenant, List<UUID> members) {
        if (members.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Caller system = Caller.of(tenant, "system", Set.of(Role.ADMIN), null);
        return channels.byIds(system, members).flatMap(views -> {
            List<UUID> active = views.stream().filter(Objects::nonNull).filter(v -> v.status() == ChannelStatus.ACTIVE)
                    .map(v -> UUID.fromString(v.id())).toList();
            if (active.isEmpty()) {
                return Uni.createFrom().item(Optional.<UUID>empty());
            }
            return leads.loads(tx, tenant, active).map(LeadRouter::leastLoaded);
        });
    }

    private static Map<String, Object> eventPayload(UUID lead, UUID conversionChannel, String source, UUID order) {
        Map<String, Object> m = new HashMap<>();
        m.put("leadId", lead.toString());
        m.put("conversionChannelId", conversionChannel.toString());
        m.put("sourceChannelId", source);
        m.put("orderId", order == null ? null : order.toString());
        return m;
    }

}
