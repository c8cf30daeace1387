package dev.channelhub.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** {@code POST /orders/{id}/shipments} body and the GraphQL {@code ShipmentInput}. */
@Input("ShipmentInput")
public record ShipmentRequest(
        @NotNull @NotEmpty @Size(max = 200) List<@NotNull @Valid OrderLineRequest> lines,
        @Size(max = 100) String carrier,
        @Size(max = 100) String trackingNo) {
}
