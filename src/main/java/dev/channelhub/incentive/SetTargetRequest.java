package dev.channelhub.incentive;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.graphql.Input;

import java.math.BigDecimal;

/** {@code PUT /channels/{id}/targets/{period}} body and GraphQL {@code SetChannelTargetInput}. */
@Input("SetChannelTargetInput")
public record SetTargetRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal revenue,
        @Min(0) @Max(100_000_000) Integer newCustomers) {
}
