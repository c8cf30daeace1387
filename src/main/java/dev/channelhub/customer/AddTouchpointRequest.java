package dev.channelhub.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;

/** {@code POST /customers/{id}/touchpoints} body and the GraphQL {@code AddTouchpointInput}. */
@Input("AddTouchpointInput")
public record AddTouchpointRequest(
        @NonNull @Id @NotBlank String channelId,
        @NonNull @NotNull TouchpointKind kind,
        @NonNull @NotNull Instant occurredAt,
        @Size(max = 2000) String note) {
}
