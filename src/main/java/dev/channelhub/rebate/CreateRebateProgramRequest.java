package dev.channelhub.rebate;

import io.smallrye.graphql.api.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.util.List;

/** {@code POST /rebate-programs} body and the GraphQL {@code CreateRebateProgramInput}. */
@Input("CreateRebateProgramInput")
public record CreateRebateProgramRequest(
        @NonNull @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String code,
        @NonNull @NotBlank @Size(max = 200) String name,
        @Nullable @Valid RebateScope scope,
        @Nullable @Size(max = 1000) List<@NotBlank @Size(max = 64) String> skus,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 64) String> categories,
        @NonNull @NotNull LocalDate validFrom,
        @NonNull @NotNull LocalDate validTo,
        @NonNull @NotNull RebatePeriodKind period,
        @NonNull @NotNull @NotEmpty @Size(max = 20) List<@NotNull @Valid RebateTier> tiers) {
}
