package dev.channelhub.funds.graphql;

import dev.channelhub.funds.ExpenseClaimFilter;
import dev.channelhub.funds.ExpenseClaimService;
import dev.channelhub.funds.ExpenseClaimStatus;
import dev.channelhub.funds.ExpenseClaimView;
import dev.channelhub.funds.FundBudgetService;
import dev.channelhub.funds.FundBudgetView;
import dev.channelhub.funds.RejectExpenseClaimRequest;
import dev.channelhub.funds.SetFundBudgetRequest;
import dev.channelhub.funds.SubmitExpenseClaimRequest;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.time.Period;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Market-fund budgets and expense claims; the same services as the REST resources, so the same rules. */
@GraphQLApi
@CodedErrors
public class FundsGraphQL {

    private final FundBudgetService budgets;
    private final ExpenseClaimService claims;
    private final CurrentCaller caller;

    public FundsGraphQL(FundBudgetService budgets, ExpenseClaimService claims, CurrentCaller caller) {
        this.budgets = budgets;
        this.claims = claims;
        this.caller = caller;
    }

    @Query("fundBudget")
    public Uni<FundBudgetView> fundBudget(@NonNull @Id String channelId, @NonNull String period) {
        return budgets.get(caller.get(), Ids.parseOrNotFound(channelId, "channel"), period);
    }

    @Mutation("setFundBudget")
    public Uni<FundBudgetView> setFundBudget(@NonNull @Id String channelId, @NonNull String period, @NonNull SetFundBudgetRequest input,
                                             Integer version) {
        return budgets.set(caller.get(), Ids.parseOrNotFound(channelId, "channel"), period, input, version);
    }

    @Query("expenseClaim")
    public Uni<ExpenseClaimView> expenseClaim(@NonNull @Id String id) {
        return claims.get(caller.get(), Ids.parseOrNotFound(id, "expense claim"));
    }

    @Query("expenseClaims")
    public Uni<@NonNull ExpenseClaimConnection> expenseClaims(ExpenseClaimStatus status, @Id String channelId, String period,
                                                              Integer first, String after) {
        ExpenseClaimFilter filter = new ExpenseClaimFilter(status, Ids.parseNullable(channelId, "channelId"),
                Period.parseNullable(period, "period"));
        return claims.list(caller.get(), filter, PageRequest.of(first, after, "first", "after")).map(ExpenseClaimConnection::of);
    }

    @Mutation("submitExpenseClaim")
    public Uni<ExpenseClaimView> submitExpenseClaim(@NonNull SubmitExpenseClaimRequest input, String idempotencyKey) {
        return claims.submit(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("approveExpenseClaim")
    public Uni<ExpenseClaimView> approveExpenseClaim(@NonNull @Id String id) {
        return claims.approve(caller.get(), Ids.parseOrNotFound(id, "expense claim"));
    }

    @Mutation("rejectExpenseClaim")
    public Uni<ExpenseClaimView> rejectExpenseClaim(@NonNull @Id String id, @NonNull RejectExpenseClaimRequest input) {
        return claims.reject(caller.get(), Ids.parseOrNotFound(id, "expense claim"), input);
    }
}
