package dev.channelhub.funds;

import dev.channelhub.shared.time.Period;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;
import java.util.List;

/** {@code POST /expense-claims} body and the GraphQL {@code SubmitExpenseClaimInput}. */
@Input("SubmitExpenseClaimInput")
public record SubmitExpenseClaimRequest(
        @NonNull @Id @NotBlank String channelId,
        @NonNull @NotBlank @Pattern(regexp = Period.PATTERN, message = "must be a year (2026), a quarter (2026-Q4) or a month (2026-12)")
        String period,
        @NonNull @NotNull ExpenseCategory category,
        @NonNull @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @NonNull @NotBlank @Size(max = 2000) String description,
        @Size(max = 20) List<@Valid ClaimAttachment> attachments) {
}
