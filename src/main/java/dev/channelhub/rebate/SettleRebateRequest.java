package dev.channelhub.rebate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SettleRebateInput")
public record SettleRebateRequest(@NonNull @NotBlank @Size(max = 7) String period) {
}
