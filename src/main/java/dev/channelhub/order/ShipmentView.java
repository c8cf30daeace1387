package dev.channelhub.order;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

@Type("Shipment")
public record ShipmentView(
        @NonNull @Id String id,
        @NonNull @Id String orderId,
        @NonNull String status,
        String carrier,
        String trackingNo,
        @NonNull List<@NonNull ShipmentLineView> lines,
        @NonNull Instant shippedAt,
        Instant deliveredAt,
        @NonNull OrderStatus orderStatus) {
}
