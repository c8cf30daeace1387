package dev.channelhub.order;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code POST /orders/{id}/payments} body and the GraphQL {@code PaymentInput}. */
@Input("PaymentInput")
public record PaymentRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @NotBlank @Size(max = 64) String method,
        @Size(max = 200) String reference,
        Instant receivedAt) {
}
