package dev.channelhub.lead;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.order.OrderPlacedHook.PlacedOrder;
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
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Deal registration: the first partner to register an (identity-resolved) customer is protected for the tenant's window;
 * another partner registering the same customer meanwhile gets DEAL_CONFLICT naming only the end of the protection.
 */
@ApplicationScoped
public class DealService {

    private static final Logger LOG = Logger.getLogger(DealService.class);

    @Inject
    DealRepository deals;

    @Inject
    LeadRepository leads;

    @Inject
    LeadSettingsRepository settingsRepo;

    @Inject
    CustomerResolver customers;

    @Inject
    ChannelService channels;

    @Inject
    Db db;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    @Inject
    EventOutbox outbox;

    public Uni<Outcome<DealView>> register(Caller caller, RegisterDealRequest request, String idempotencyKey) {
        caller.require(Role.PARTNER, Role.SALES);
        validator.check(request);
        UUID channelId = registeringChannel(caller, request.channelId());
        String currency = Money.currency(request.currency(), "currency");
        return idempotency.run(caller, idempotencyKey, "POST /deals", request, DealView.class,
                () -> requireChannel(caller, channelId).flatMap(x -> db.inTransaction(tx -> registerIn(tx, caller, channelId, request, currency))
                        // two first-time registrations of the same new identity race inside identify; the loser retries and
                        // then finds the customer (and the winner's deal)
                        .onFailure(DealService::isUniqueViolation).retry().atMost(2)
                        .map(Outcome::created)));
    }

    private Uni<DealView> registerIn(SqlConnection tx, Caller caller, UUID channelId, RegisterDealRequest request, String currency) {
        return customers.resolve(tx, caller, channelId, request.customer())
                .flatMap(customerId -> deals.lockCustomer(tx, caller.tenant(), customerId)
                        .flatMap(x -> deals.activeFor(tx, caller.tenant(), customerId))
                        .flatMap(active -> {
                            if (active.isPresent()) {
                                throw conflict(active.get(), channelId);
                            }
                            return settingsRepo.settings(tx, caller.tenant()).flatMap(settings -> {
                                UUID id = Ids.newId();
                                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                                Instant until = now.plus(Duration.ofDays(settings.dealProtectionDays()));
                                expectExpiry(until);
                                return deals.insert(tx, caller.tenant(), id, customerId, channelId, request, currency, now, until,
                                                caller.subject())
                                        .flatMap(y -> deals.find(tx, caller.tenant(), id, false)).map(Optional::orElseThrow)
                                        .call(view -> outbox.append(tx, caller, "deal.registered", "deal", id, channelId, view));
                            });
                        }));
    }

    /** The dry run: resolves the customer and looks for a protection in a transaction that is always rolled back. */
    public Uni<DealCheck> check(Caller caller, DealCheckRequest request) {
        caller.require(Role.PARTNER, Role.SALES);
        validator.check(request);
        UUID channelId = registeringChannel(caller, request.channelId());
        return requireChannel(caller, channelId).flatMap(x -> rolledBack(tx -> customers.resolve(tx, caller, channelId, request.customer())
                .flatMap(customerId -> deals.activeFor(tx, caller.tenant(), customerId))
                .map(active -> active.map(d -> new DealCheck(!d.channelId().equals(channelId.toString()),
                                d.channelId().equals(channelId.toString()), d.protectedUntil()))
                        .orElse(new DealCheck(false, false, null)))));
    }

    public Uni<DealView> get(Caller caller, UUID id) {
        return deals.find(db.pool(), caller.tenant(), id, false)
                .map(found -> found.filter(d -> visible(caller, d)).orElseThrow(() -> ApiException.notFound("deal", id)));
    }

    public Uni<Page<DealView>> list(Caller caller, DealFilter filter, PageRequest page) {
        UUID scope = null;
        if (caller.isPartnerOnly()) {
            scope = caller.partnerChannelId();
        } else {
            caller.require(Role.SALES, Role.MANAGER);
        }
        return deals.list(caller.tenant(), scope, filter, page).map(rows -> Page.of(rows, page, DealView::id));
    }

    public Uni<DealView> approve(Caller caller, UUID id, String reason) {
        return decide(caller, id, DealStatus.APPROVED, reason);
    }

    public Uni<DealView> reject(Caller caller, UUID id, String reason) {
        return decide(caller, id, DealStatus.REJECTED, reason);
    }

    /** The registering partner (or sales/manager) asks for more protection; a manager grants it. */
    public Uni<DealView> requestExtension(Caller caller, UUID id, Integer days, String reason) {
        if (days == null || days < 1 || days > 365) {
            throw ApiException.invalid("days", "must be between 1 and 365");
        }
        if (!caller.isPartnerOnly()) {
            caller.require(Role.SALES, Role.MANAGER);
        }
        return mutate(caller, id, (tx, deal) -> {
            DealLifecycle.require(deal.id(), deal.status(), DealLifecycle.Action.REQUEST_EXTENSION);
            return deals.requestExtension(tx, caller.tenant(), id, days, reason)
                    .call(() -> outbox.append(tx, caller, "deal.extension_requested", "deal", id, UUID.fromString(deal.channelId()),
                            Map.of("dealId", id.toString(), "days", days)));
        });
    }

    public Uni<DealView> approveExtension(Caller caller, UUID id, Integer days) {
        if (caller.isPartnerOnly()) {
            return partnerMayNot(caller, id);
        }
        caller.require(Role.MANAGER);
        if (days != null && (days < 1 || days > 365)) {
            throw ApiException.invalid("days", "must be between 1 and 365");
        }
        return mutate(caller, id, (tx, deal) -> {
            DealLifecycle.require(deal.id(), deal.status(), DealLifecycle.Action.EXTEND);
            Integer granted = days != null ? days : deal.extensionRequestedDays();
            if (granted == null) {
                throw new ApiException(ErrorCode.INVALID_TRANSITION, "deal " + id + " has no extension request; give days to extend anyway");
            }
            expectExpiry(deal.protectedUntil().plus(Duration.ofDays(granted)));
            return deals.extend(tx, caller.tenant(), id, granted)
                    .call(() -> outbox.append(tx, caller, "deal.extended", "deal", id, UUID.fromString(deal.channelId()),
                            Map.of("dealId", id.toString(), "days", granted)));
        });
    }

    public Uni<DealView> rejectExtension(Caller caller, UUID id) {
        if (caller.isPartnerOnly()) {
            return partnerMayNot(caller, id);
        }
        caller.require(Role.MANAGER);
        return mutate(caller, id, (tx, deal) -> {
            if (deal.extensionRequestedDays() == null) {
                throw new ApiException(ErrorCode.INVALID_TRANSITION, "deal " + id + " has no extension request");
            }
            return deals.clearExtension(tx, caller.tenant(), id);
        });
    }

    public Uni<Page<DealConflictView>> conflicts(Caller caller, UUID channelId, PageRequest page) {
        caller.require(Role.MANAGER);
        return deals.conflicts(caller.tenant(), channelId, page).map(rows -> Page.of(rows, page, DealConflictView::id));
    }

    /** Channel conflicts for analytics: orders in [from, to) placed through {@code orderChannelId} (null = any) for a customer another partner protected. */
    public Uni<Long> conflictCount(SqlClient client, String tenant, UUID orderChannelId, Instant from, Instant to) {
        return deals.conflictCount(client, tenant, orderChannelId, from, to);
    }

    /** Expires every protection that ended at or before {@code now}, releasing its customer; answers how many. */
    public Uni<Integer> expireDue(Instant now) {
        return db.inTransaction(tx -> deals.expireDue(now).flatMap(rows -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Object[] r : rows) {
                chain = chain.flatMap(x -> outbox.append(tx, (String) r[0], "system", "deal.expired", "deal", (UUID) r[1], (UUID) r[2],
                        Map.of("dealId", r[1].toString())));
            }
            return chain.replaceWith(rows.size());
        }));
    }

    private final DueSweep sweep = new DueSweep();

    /** Touches the database only when a protection this instance knows of ends, or every half hour (other instances). */
    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expiryJob() {
        Instant now = Instant.now();
        if (!sweep.claim(now)) {
            return Uni.createFrom().voidItem();
        }
        return expireDue(now).onFailure().invoke(e -> LOG.warn("deal expiry job failed", e))
                .onFailure().recoverWithItem(0).replaceWithVoid();
    }

    private void expectExpiry(Instant at) {
        sweep.expect(at);
    }

    /**
     * Called in the order's transaction: remembers the order's channel (lead conversion) and counts a channel conflict when
     * the customer is protected by another channel's registration. It must never fail the order: a failed statement would
     * doom the whole transaction (the reactive client rolls it back), so inputs are checked before any statement runs and
     * every statement is one that cannot conflict ({@code on conflict do nothing}).
     */
    public Uni<Void> recordOrder(SqlClient tx, Caller caller, PlacedOrder order) {
        if (order == null || order.orderId() == null || order.channelId() == null) {
            LOG.warnf("order-placed hook called without order or channel id; nothing recorded");
            return Uni.createFrom().voidItem();
        }
        return deals.recordOrderAndFindActive(tx, caller.tenant(), order.orderId(), order.channelId(), order.customerId())
                .flatMap(active -> {
                    if (active.isEmpty() || active.get().channelId().equals(order.channelId().toString())) {
                        return Uni.createFrom().voidItem();
                    }
                    DealView deal = active.get();
                    Map<String, Object> payload = new HashMap<>();
                    payload.put("dealId", deal.id());
                    payload.put("orderId", order.orderId().toString());
                    payload.put("orderChannelId", order.channelId().toString());
                    payload.put("dealChannelId", deal.channelId());
                    payload.put("customerId", deal.customerId());
                    String currency = order.currency() == null || order.currency().length() != 3 ? null : order.currency();
                    return deals.insertConflict(tx, caller.tenant(), Ids.newId(), deal, order.orderId(), order.channelId(), order.total(),
                                    currency)
                            .flatMap(y -> outbox.append(tx, caller.tenant(), caller.subject(), "deal.conflict", "deal",
                                    UUID.fromString(deal.id()), order.channelId(), payload));
                });
    }

    // ---- internals

    @FunctionalInterface
    private interface Mutation {
        Uni<Void> apply(SqlClient tx, DealView deal);
    }

    private Uni<DealView> decide(Caller caller, UUID id, DealStatus to, String reason) {
        if (caller.isPartnerOnly()) {
            return partnerMayNot(caller, id);
        }
        caller.require(Role.MANAGER);
        return mutate(caller, id, (tx, deal) -> {
            DealLifecycle.require(deal.id(), deal.status(), to == DealStatus.APPROVED ? DealLifecycle.Action.APPROVE : DealLifecycle.Action.REJECT);
            return deals.decide(tx, caller.tenant(), id, to, caller.subject(), reason)
                    .call(() -> outbox.append(tx, caller, to == DealStatus.APPROVED ? "deal.approved" : "deal.rejected", "deal", id,
                            UUID.fromString(deal.channelId()), Map.of("dealId", id.toString())));
        });
    }

    /** Manager decisions: another channel's deal is NOT_FOUND to a partner (contract §3), its own is FORBIDDEN. */
    private Uni<DealView> partnerMayNot(Caller caller, UUID id) {
        return get(caller, id).flatMap(d -> Uni.createFrom().failure(ApiException.forbidden("a partner may not decide on deals")));
    }

    private Uni<DealView> mutate(Caller caller, UUID id, Mutation mutation) {
        return db.inTransaction(tx -> deals.find(tx, caller.tenant(), id, true)
                .flatMap(found -> {
                    DealView deal = found.filter(d -> visible(caller, d)).orElseThrow(() -> ApiException.notFound("deal", id));
                    return mutation.apply(tx, deal);
                })
                .flatMap(x -> deals.find(tx, caller.tenant(), id, false)).map(Optional::orElseThrow));
    }

    private boolean visible(Caller caller, DealView deal) {
        if (caller.isPartnerOnly()) {
            return caller.partnerChannelId().toString().equals(deal.channelId());
        }
        caller.require(Role.SALES, Role.MANAGER);
        return true;
    }

    private static UUID registeringChannel(Caller caller, String requested) {
        UUID asked = Ids.parseNullable(requested, "channelId");
        if (caller.isPartnerOnly()) {
            if (asked != null && !asked.equals(caller.partnerChannelId())) {
                throw ApiException.forbidden("a partner registers deals only for its own channel");
            }
            return caller.partnerChannelId();
        }
        if (asked == null) {
            throw ApiException.invalid("channelId", "is required unless a partner registers for itself");
        }
        return asked;
    }

    private Uni<Void> requireChannel(Caller caller, UUID channelId) {
        return channels.find(db.pool(), caller.tenant(), channelId).map(found -> {
            if (found.isEmpty()) {
                if (caller.isPartnerOnly()) {
                    throw ApiException.forbidden("the token's channel does not exist in this tenant");
                }
                throw ApiException.invalid("channelId", "no such channel");
            }
            return null;
        });
    }

    private static ApiException conflict(DealView active, UUID channelId) {
        String until = active.protectedUntil().atOffset(ZoneOffset.UTC).toString();
        if (active.channelId().equals(channelId.toString())) {
            return new ApiException(ErrorCode.DUPLICATE, "this channel already holds deal " + active.id()
                    + " for this customer, protected until " + until);
        }
        return new ApiException(ErrorCode.DEAL_CONFLICT, "this customer is protected by another registration until " + until);
    }

    private <T> Uni<T> rolledBack(Function<SqlConnection, Uni<T>> work) {
        return db.pool().getConnection().flatMap(conn -> conn.begin()
                .flatMap(tx -> {
                    Uni<T> run;
                    try {
                        run = work.apply(conn);
                    } catch (RuntimeException e) {
                        run = Uni.createFrom().failure(e);
                    }
                    return run.eventually(() -> tx.rollback().onFailure().recoverWithNull());
                })
                .eventually(conn::close));
    }

    private static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
