package dev.channelhub.inventory;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelStatus;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.inventory.HoldRepository.HoldRow;
import dev.channelhub.settings.TenantSettingsService;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Holds: stock reserved for a cart until it is ordered, released, or expires. Expiry is a row deadline
 * swept by a scheduled job, so a restart in between loses no stock: the next sweep releases it.
 */
@ApplicationScoped
public class HoldService {

    private static final Logger LOG = Logger.getLogger(HoldService.class);
    static final int DEFAULT_TTL_SECONDS = 900;
    private static final int SWEEP_BATCH = 200;

    /** Deadlines (epoch millis) of holds created by this instance that may still be active. */
    private final java.util.concurrent.ConcurrentSkipListSet<Long> deadlines = new java.util.concurrent.ConcurrentSkipListSet<>();
    private volatile long nextFullSweep;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "channelhub.holds.max-sweep-pause", defaultValue = "60s")
    java.time.Duration maxSweepPause;

    @Inject
    HoldRepository holds;

    @Inject
    StockService stock;

    @Inject
    ChannelService channels;

    @Inject
    Db db;

    @Inject
    IdempotencyService idempotency;

    @Inject
    RequestValidator validator;

    @Inject
    TenantSettingsService settings;

    @Inject
    Instance<HoldCredit> credit;

    public Uni<Outcome<HoldView>> create(Caller caller, CreateHoldRequest request, String idempotencyKey) {
        caller.require(Role.SALES, Role.INTEGRATION, Role.PARTNER);
        validator.check(request);
        UUID channelId = Ids.parse(request.channelId(), "channelId");
        if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
            throw ApiException.forbidden("a partner holds stock only for its own channel");
        }
        List<StockLine> lines = distinctLines(request.lines());
        int ttl = request.ttlSeconds() == null ? DEFAULT_TTL_SECONDS : request.ttlSeconds();
        return idempotency.run(caller, idempotencyKey, "POST /stock/holds", request, HoldView.class,
                () -> activeChannel(caller, channelId).flatMap(ch -> db.inTransaction(tx -> {
                    UUID id = Ids.newId();
                    Uni<HoldCredit.HoldValue> value = ch.type().isPartner() ? partnerHold(tx, caller, channelId, lines)
                            : Uni.createFrom().nullItem();
                    return value.flatMap(v -> holds.insert(tx, caller.tenant(), id, channelId, ttl, caller.subject(),
                                    v == null ? null : v.amount(), v == null ? null : v.currency()))
                            .invoke(row -> deadlines.add(row.expiresAt().toEpochMilli()))
                            .flatMap(row -> stock.reserve(tx, caller.tenant(), caller.subject(), channelId, StockService.OWNER_HOLD, id,
                                    lines, "lines").map(row::view));
                })).map(Outcome::created));
    }

    /**
     * A partner channel's hold (API-CONTRACT-2 §6): under the channel row's lock (the one order placement takes), at most
     * {@code maxActiveHoldsPerChannel} active holds, then valued at the current quote and checked against the credit.
     */
    private Uni<HoldCredit.HoldValue> partnerHold(SqlClient tx, Caller caller, UUID channelId, List<StockLine> lines) {
        return channels.lockForUpdate(tx, caller.tenant(), channelId)
                .map(HoldService::requireActive)
                .flatMap(locked -> settings.current(tx, caller.tenant())
                        .flatMap(s -> holds.countActive(tx, caller.tenant(), channelId).map(n -> {
                            if (n >= s.maxActiveHoldsPerChannel()) {
                                throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "channel " + locked.code() + " already has " + n
                                        + " active holds, the most the tenant allows (maxActiveHoldsPerChannel "
                                        + s.maxActiveHoldsPerChannel() + "); release one or let one expire");
                            }
                            return locked;
                        }))
                        .flatMap(ch -> credit.isResolvable() ? credit.get().valueAndCheck(tx, caller, ch, lines)
                                : Uni.createFrom().<HoldCredit.HoldValue>nullItem()));
    }

    public Uni<HoldView> get(Caller caller, UUID id) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
        return visible(caller, db.pool(), id)
                .flatMap(row -> stock.reservationsOf(db.pool(), caller.tenant(), List.of(id))
                        .map(res -> row.view(res.getOrDefault(id, List.of()))));
    }

    /** ACTIVE → RELEASED, giving the stock back. */
    public Uni<HoldView> release(Caller caller, UUID id) {
        caller.require(Role.SALES, Role.INTEGRATION, Role.PARTNER);
        return db.inTransaction(tx -> visible(caller, tx, id)
                .flatMap(row -> holds.leaveActive(tx, caller.tenant(), id, HoldStatus.RELEASED, null, null))
                .flatMap(updated -> {
                    if (updated.isEmpty()) {
                        return holds.find(tx, caller.tenant(), id).map(now -> {
                            throw new ApiException(ErrorCode.INVALID_TRANSITION,
                                    "hold is " + now.map(h -> h.status().name()).orElse("gone") + ", not ACTIVE");
                        });
                    }
                    return stock.releaseAll(tx, caller.tenant(), caller.subject(), id, "hold released")
                            .replaceWith(updated.get().view(List.of()));
                }));
    }

    /**
     * For orders: marks the hold CONSUMED by {@code orderId} and gives its stock back inside the order's
     * transaction (the order then reserves what it needs; the row locks keep anyone else from taking the
     * released units in between). An unknown hold, or another channel's, is a 400 on {@code holdId}; one
     * that is no longer active is INVALID_TRANSITION.
     */
    public Uni<Void> consume(SqlClient tx, String tenant, String actor, UUID holdId, UUID channelId, UUID orderId) {
        return holds.leaveActive(tx, tenant, holdId, HoldStatus.CONSUMED, channelId, orderId).flatMap(updated -> {
            if (updated.isPresent()) {
                return stock.releaseAll(tx, tenant, actor, holdId, "hold consumed by order " + orderId).replaceWithVoid();
            }
            return holds.find(tx, tenant, holdId).map(found -> {
                if (found.isEmpty() || !found.get().channelId().equals(channelId)) {
                    throw ApiException.invalid("holdId", "no such hold for this channel");
                }
                HoldRow h = found.get();
                String state = h.status() == HoldStatus.ACTIVE ? "EXPIRED" : h.status().name();
                throw new ApiException(ErrorCode.INVALID_TRANSITION, "hold " + holdId + " is " + state + ", not ACTIVE",
                        List.of(new FieldError("holdId", "is " + state)));
            });
        });
    }

    /** Releases every active hold past its deadline; each in its own transaction. Returns how many. */
    public Uni<Integer> sweepExpired() {
        return holds.expired(SWEEP_BATCH).flatMap(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Multi.createFrom().iterable(rows)
                    .onItem().transformToUniAndConcatenate(row -> db.inTransaction(tx ->
                                    holds.leaveActive(tx, row.tenant(), row.id(), HoldStatus.EXPIRED, null, null)
                                            .flatMap(updated -> updated.isEmpty() ? Uni.createFrom().item(0)
                                                    : stock.releaseAll(tx, row.tenant(), "system", row.id(), "hold expired").replaceWith(1)))
                            .onFailure().recoverWithItem(e -> {
                                LOG.warnf("releasing expired hold %s failed, next sweep retries: %s", row.id(), e.toString());
                                return 0;
                            }))
                    .collect().asList()
                    .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
        });
    }

    /**
     * Runs often but only touches the database when a hold created here is due, or every
     * {@code max-sweep-pause} (and at start) for holds of other instances or from before a restart.
     */
    @Scheduled(every = "${channelhub.holds.sweep-every:5s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        long now = System.currentTimeMillis();
        Long due = deadlines.isEmpty() ? null : deadlines.first();
        if (now < nextFullSweep && (due == null || due > now)) {
            return Uni.createFrom().voidItem();
        }
        deadlines.headSet(now, true).clear();
        nextFullSweep = now + maxSweepPause.toMillis();
        return sweepExpired().invoke(n -> {
            if (n >= SWEEP_BATCH) {
                nextFullSweep = 0; // more are waiting
            }
        }).onFailure().recoverWithItem(e -> {
            LOG.warnf("hold sweep failed: %s", e.toString());
            nextFullSweep = 0;
            return 0;
        }).replaceWithVoid();
    }

    private Uni<HoldRow> visible(Caller caller, SqlClient client, UUID id) {
        return holds.find(client, caller.tenant(), id).map(found -> found
                .filter(h -> !caller.isPartnerOnly() || h.channelId().equals(caller.partnerChannelId()))
                .orElseThrow(() -> ApiException.notFound("hold", id)));
    }

    private Uni<ChannelView> activeChannel(Caller caller, UUID channelId) {
        return channels.find(db.pool(), caller.tenant(), channelId)
                .map(found -> requireActive(found.orElseThrow(() -> ApiException.invalid("channelId", "no such channel"))));
    }

    private static ChannelView requireActive(ChannelView ch) {
        if (ch.status() != ChannelStatus.ACTIVE) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "channel " + ch.code() + " is " + ch.status() + "; only ACTIVE channels can order");
        }
        return ch;
    }

    /** The lines as stock lines; a SKU named twice is a 400 on the second. */
    static List<StockLine> distinctLines(List<StockLineRequest> lines) {
        Set<String> seen = new HashSet<>();
        List<StockLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            StockLineRequest l = lines.get(i);
            if (!seen.add(l.sku())) {
                throw ApiException.invalid("lines[" + i + "].sku", "appears more than once");
            }
            out.add(new StockLine(l.sku(), l.quantity()));
        }
        return out;
    }

}
