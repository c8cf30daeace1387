package dev.channelhub.customer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /customers/{id}/merge}: the customers to fold into {@code id}. */
public record MergeRequest(@NotNull @Size(min = 1, max = 50) List<@NotNull String> sourceIds, @Size(max = 500) String reason) {
}
