package dev.channelhub.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /customers/{id}/unmerge}: give {@code sourceId} back what was its own. */
public record UnmergeRequest(@NotBlank String sourceId, @Size(max = 500) String reason) {
}
