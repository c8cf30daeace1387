package dev.channelhub.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

/** {@code POST /payment-proofs/{id}/reject} body and the GraphQL {@code RejectPaymentProofInput}. */
@Input("RejectPaymentProofInput")
public record RejectPaymentProofRequest(@NotBlank @Size(max = 2000) String reason) {
}
