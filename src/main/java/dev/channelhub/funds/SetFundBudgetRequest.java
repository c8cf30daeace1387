package dev.channelhub.funds;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

/** {@code PUT /channels/{id}/fund-budgets/{period}} body and the GraphQL {@code SetFundBudgetInput}. */
@Input("SetFundBudgetInput")
public record SetFundBudgetRequest(
        @NonNull @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal amount) {
}
