package dev.channelhub.funds;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** {@code POST /expense-claims/{id}/reject} body and the GraphQL {@code RejectExpenseClaimInput}. */
@Input("RejectExpenseClaimInput")
public record RejectExpenseClaimRequest(@NonNull @NotBlank @Size(max = 1000) String reason) {
}
