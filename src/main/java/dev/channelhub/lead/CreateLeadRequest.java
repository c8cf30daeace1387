package dev.channelhub.lead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.math.BigDecimal;

/** {@code POST /leads} body and the GraphQL {@code CreateLeadInput}. */
@Input("CreateLeadInput")
public record CreateLeadRequest(
        String sourceChannelId,
        @NotNull @Valid CustomerRef customer,
        @Size(max = 64) String region,
        @Size(max = 64) String category,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal estimatedValue,
        @Size(min = 3, max = 3) String currency,
        @Size(max = 2000) String note) {
}
