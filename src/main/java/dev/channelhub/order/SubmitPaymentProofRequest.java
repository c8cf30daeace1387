package dev.channelhub.order;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.math.BigDecimal;

/** {@code POST /orders/{id}/payment-proofs} body and the GraphQL {@code PaymentProofInput}. */
@Input("PaymentProofInput")
public record SubmitPaymentProofRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @NotBlank @Size(max = 64) String method,
        @NotBlank @Size(max = 200) String reference,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String attachmentUrl) {
}
