package dev.channelhub.inventory;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** A time-limited reservation for a cart; an order may consume it ({@code holdId}). */
@Type("StockHold")
public record HoldView(
        @NonNull @Id String id,
        @NonNull String channelId,
        @NonNull HoldStatus status,
        @NonNull Instant expiresAt,
        String orderId,
        @NonNull List<@NonNull ReservationView> reservations,
        int version,
        @NonNull Instant createdAt) {
}
