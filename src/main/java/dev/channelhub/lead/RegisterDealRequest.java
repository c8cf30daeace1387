package dev.channelhub.lead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code POST /deals} body and the GraphQL {@code RegisterDealInput}. */
@Input("RegisterDealInput")
public record RegisterDealRequest(
        @Description("Partners omit it (their own channel); sales and managers register on a partner's behalf") String channelId,
        @NotNull @Valid CustomerRef customer,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal expectedValue,
        @Size(min = 3, max = 3) String currency,
        @NotNull LocalDate closeDate,
        @Size(max = 200) List<String> skus,
        @Size(max = 2000) String note) {
}
