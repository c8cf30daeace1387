package dev.channelhub.incentive;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code POST /channel-costs} body and GraphQL {@code RecordChannelCostInput}; the amount is in the channel's currency. */
@Input("RecordChannelCostInput")
public record RecordChannelCostRequest(
        @NotBlank String channelId,
        @NotNull LocalDate date,
        @NotNull ChannelCostCategory category,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @Size(max = 500) String note) {
}
