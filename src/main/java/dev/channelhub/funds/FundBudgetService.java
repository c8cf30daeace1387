package dev.channelhub.funds;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.time.Period;
import dev.channelhub.shared.validation.RequestValidator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Market-fund budgets, API-CONTRACT-2 §8: one amount per channel and period (in the channel's currency). A budget is
 * never set below what its approved claims already use ({@code 422 BUDGET_EXCEEDED}); the check runs under the budget's
 * row lock, the same lock every approval takes.
 */
@ApplicationScoped
public class FundBudgetService {

    private final FundBudgetRepository budgets;
    private final ChannelService channels;
    private final RequestValidator validator;
    private final EventOutbox outbox;
    private final Db db;

    public FundBudgetService(FundBudgetRepository budgets, ChannelService channels, RequestValidator validator, EventOutbox outbox, Db db) {
        this.budgets = budgets;
        this.channels = channels;
        this.validator = validator;
        this.outbox = outbox;
        this.db = db;
    }

    /** {@code PUT /channels/{id}/fund-budgets/{period}}: creates or replaces the amount; If-Match / version when given. */
    public Uni<FundBudgetView> set(Caller caller, UUID channelId, String periodText, SetFundBudgetRequest request, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            validator.check(request);
            Period period = Period.parse(periodText, "period");
            String tenant = caller.tenant();
            return channels.find(db.pool(), tenant, channelId).flatMap(found -> {
                ChannelView channel = found.orElseThrow(() -> ApiException.notFound("channel", channelId));
                String currency = channel.currency();
                BigDecimal amount = exact(request.amount(), currency, "amount");
                String key = period.toString();
                return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> budgets.lockEntity(tenant, channelId, key)
                        .flatMap(current -> current != null || expectedVersion != null ? Uni.createFrom().item(current)
                                // The first setting of this budget: wait for a concurrent first setting, then look again.
                                : budgets.lockKey(session, tenant, channelId, key).flatMap(x -> budgets.lockEntity(tenant, channelId, key)))
                        .flatMap(current -> budgets.approvedSum(session, tenant, channelId, key).flatMap(approved -> {
                            if (amount.compareTo(approved) < 0) {
                                throw new ApiException(ErrorCode.BUDGET_EXCEEDED, "approved claims of channel " + channel.code() + " for "
                                        + key + " already use " + Money.round(approved, currency) + " " + currency
                                        + "; the budget cannot be set below that");
                            }
                            Instant now = now();
                            FundBudgetEntity e = current;
                            Uni<Void> write;
                            if (e == null) {
                                if (expectedVersion != null) {
                                    throw ApiException.notFound("fund budget", channelId + "/" + key);
                                }
                                e = new FundBudgetEntity();
                                e.tenantId = tenant;
                                e.id = Ids.newId();
                                e.channelId = channelId;
                                e.period = key;
                                e.currency = currency;
                                e.version = 1;
                                e.createdAt = now;
                                write = session.persist(e);
                            } else {
                                if (expectedVersion != null && expectedVersion != e.version) {
                                    throw ApiException.versionConflict("fund budget " + key, expectedVersion, e.version);
                                }
                                write = Uni.createFrom().voidItem();
                            }
                            FundBudgetEntity budget = e;
                            budget.amount = amount;
                            budget.updatedBy = caller.subject();
                            // A new updatedAt makes the row dirty: every setting is a new version.
                            budget.updatedAt = now;
                            return write.call(session::flush).map(x -> budget.toView(approved))
                                    .call(v -> outbox.append(session, caller, "fundBudget.set", "fundBudget", budget.id, channelId, v));
                        }))));
            });
        });
    }

    /** {@code GET /channels/{id}/fund-budgets/{period}}: amount, approved and remaining; a partner only its own channel's. */
    public Uni<FundBudgetView> get(Caller caller, UUID channelId, String periodText) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
            Period period = Period.parse(periodText, "period");
            if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
                throw ApiException.notFound("fund budget", channelId + "/" + period);
            }
            return budgets.find(caller.tenant(), channelId, period.toString())
                    .map(o -> o.orElseThrow(() -> ApiException.notFound("fund budget", channelId + "/" + period)));
        });
    }

    /** The amount at the currency's scale; more decimals than the currency has are refused rather than rounded away. */
    static BigDecimal exact(BigDecimal amount, String currency, String field) {
        BigDecimal rounded = Money.round(amount, currency);
        if (rounded.compareTo(amount) != 0) {
            throw ApiException.invalid(field, "has more decimals than " + currency + " allows (" + Money.scale(currency) + ")");
        }
        return rounded;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
