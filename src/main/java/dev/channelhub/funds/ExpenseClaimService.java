package dev.channelhub.funds;

import dev.channelhub.channel.ChannelService;
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
import dev.channelhub.shared.time.Period;
import dev.channelhub.shared.validation.RequestValidator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Expense claims against market-fund budgets (费用核销), API-CONTRACT-2 §8. A partner claims for its own channel; sales,
 * managers and admins for any. Managers and admins approve or reject a SUBMITTED claim. An approval locks the claim, then
 * the budget row of its channel and period, and is refused with {@code 422 BUDGET_EXCEEDED} when the approved claims
 * plus this one would exceed the budget (no budget set counts as 0); in the same transaction it writes the claim's
 * FUNDS row into {@code channel_cost} and {@code expenseClaim.approved}.
 */
@ApplicationScoped
public class ExpenseClaimService {

    private final ExpenseClaimRepository claims;
    private final FundBudgetRepository budgets;
    private final ChannelService channels;
    private final IdempotencyService idempotency;
    private final RequestValidator validator;
    private final EventOutbox outbox;
    private final Db db;

    public ExpenseClaimService(ExpenseClaimRepository claims, FundBudgetRepository budgets, ChannelService channels,
                               IdempotencyService idempotency, RequestValidator validator, EventOutbox outbox, Db db) {
        this.claims = claims;
        this.budgets = budgets;
        this.channels = channels;
        this.idempotency = idempotency;
        this.validator = validator;
        this.outbox = outbox;
        this.db = db;
    }

    public Uni<Outcome<ExpenseClaimView>> submit(Caller caller, SubmitExpenseClaimRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.SALES, Role.PARTNER);
            validator.check(request);
            if (request.attachments() != null) {
                for (int i = 0; i < request.attachments().size(); i++) {
                    if (request.attachments().get(i) == null) {
                        throw ApiException.invalid("attachments[" + i + "]", "must not be null");
                    }
                }
            }
            UUID channelId = Ids.parse(request.channelId(), "channelId");
            Period period = Period.parse(request.period(), "period");
            String tenant = caller.tenant();
            return channels.find(db.pool(), tenant, channelId).flatMap(found -> {
                // A partner claims only for its own channel; any other channel reads as unknown to it.
                if (found.isEmpty() || (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId()))) {
                    throw ApiException.invalid("channelId", "no such channel");
                }
                ChannelView channel = found.get();
                BigDecimal amount = FundBudgetService.exact(request.amount(), channel.currency(), "amount");
                return idempotency.runRecording(caller, idempotencyKey, "POST /expense-claims", request, ExpenseClaimView.class,
                        completion -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                            Instant now = FundBudgetService.now();
                            ExpenseClaimEntity e = new ExpenseClaimEntity();
                            e.tenantId = tenant;
                            e.id = Ids.newId();
                            e.channelId = channelId;
                            e.period = period.toString();
                            e.category = request.category();
                            e.amount = amount;
                            e.currency = channel.currency();
                            e.description = request.description();
                            e.attachmentsJson = ExpenseClaimRepository.attachmentsJson(request.attachments());
                            e.status = ExpenseClaimStatus.SUBMITTED;
                            e.submittedBy = caller.subject();
                            e.version = 1;
                            e.createdAt = now;
                            e.updatedAt = now;
                            return session.persist(e).call(session::flush).map(x -> e.toView())
                                    .call(v -> outbox.append(session, caller, "expenseClaim.submitted", "expenseClaim", e.id, channelId, v))
                                    .flatMap(v -> completion.record(session, Outcome.created(v)));
                        })));
            });
        });
    }

    public Uni<ExpenseClaimView> approve(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            return decide(caller, id, "expenseClaim.approved", (session, e) ->
                    // The budget row is the lock: approvals of one channel and period run one after the other from here.
                    budgets.lockEntity(e.tenantId, e.channelId, e.period)
                            .flatMap(budget -> budgets.approvedSum(session, e.tenantId, e.channelId, e.period).map(approved -> {
                                BigDecimal limit = budget == null ? BigDecimal.ZERO : budget.amount;
                                if (approved.add(e.amount).compareTo(limit) > 0) {
                                    throw new ApiException(ErrorCode.BUDGET_EXCEEDED, "approving " + Money.round(e.amount, e.currency) + " "
                                            + e.currency + " would take approved claims of " + e.period + " to "
                                            + Money.round(approved.add(e.amount), e.currency) + ", above the budget of "
                                            + Money.round(limit, e.currency) + (budget == null ? " (no budget is set)" : ""));
                                }
                                e.status = ExpenseClaimStatus.APPROVED;
                                return e;
                            }))
                            .call(x -> claims.insertFundsCost(session, e, Period.parse(e.period, "period").firstDay(), caller.subject(),
                                    FundBudgetService.now())));
        });
    }

    public Uni<ExpenseClaimView> reject(Caller caller, UUID id, RejectExpenseClaimRequest request) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER);
            validator.check(request);
            return decide(caller, id, "expenseClaim.rejected", (session, e) -> {
                e.status = ExpenseClaimStatus.REJECTED;
                e.rejectReason = request.reason();
                return Uni.createFrom().item(e);
            });
        });
    }

    /** Locks the claim, requires SUBMITTED, applies the decision, then flush and the event: one transaction. */
    private Uni<ExpenseClaimView> decide(Caller caller, UUID id, String eventType,
                                         BiFunction<Mutiny.Session, ExpenseClaimEntity, Uni<ExpenseClaimEntity>> decision) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> claims.lockEntity(caller.tenant(), id)
                .flatMap(e -> {
                    if (e == null) {
                        throw ApiException.notFound("expense claim", id);
                    }
                    if (e.status != ExpenseClaimStatus.SUBMITTED) {
                        throw new ApiException(ErrorCode.INVALID_TRANSITION, "expense claim " + id + " is " + e.status
                                + "; only a SUBMITTED claim is approved or rejected");
                    }
                    return decision.apply(session, e);
                })
                .flatMap(e -> {
                    Instant now = FundBudgetService.now();
                    e.decidedBy = caller.subject();
                    e.decidedAt = now;
                    e.updatedAt = now;
                    return session.flush().map(x -> e.toView())
                            .call(v -> outbox.append(session, caller, eventType, "expenseClaim", e.id, e.channelId, v));
                })));
    }

    public Uni<ExpenseClaimView> get(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            return claims.find(caller.tenant(), id, scope(caller)).map(o -> o.orElseThrow(() -> ApiException.notFound("expense claim", id)));
        });
    }

    /** Claims in creation order; a partner only its own channel's. */
    public Uni<Page<ExpenseClaimView>> list(Caller caller, ExpenseClaimFilter filter, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            requireReader(caller);
            return claims.list(caller.tenant(), scope(caller), filter, page.afterId(), page.fetchSize())
                    .map(rows -> Page.of(rows, page, ExpenseClaimView::id));
        });
    }

    private static void requireReader(Caller caller) {
        caller.require(Role.MANAGER, Role.SALES, Role.INTEGRATION, Role.PARTNER);
    }

    private static UUID scope(Caller caller) {
        return caller.isPartnerOnly() ? caller.partnerChannelId() : null;
    }
}
