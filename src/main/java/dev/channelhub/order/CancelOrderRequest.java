package dev.channelhub.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /orders/{id}/cancel} body. */
public record CancelOrderRequest(@NotBlank @Size(max = 500) String reason) {
}
