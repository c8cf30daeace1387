package dev.channelhub.rebate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

/** One step of a programme: from {@code minRevenue} of eligible revenue on, {@code percent} of it is paid back. */
@Type("RebateTier")
@Input("RebateTierInput")
public record RebateTier(
        @NonNull @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal minRevenue,
        @NonNull @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal percent) {
}
