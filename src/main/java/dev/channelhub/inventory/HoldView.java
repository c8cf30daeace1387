package dev.channelhub.inventory;

import dev.channelhub.shared.relay.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
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
        @NonNull Instant createdAt,
        @Description("A partner channel's hold: its value at the quote when it was made; it counts toward the channel's credit "
                + "while ACTIVE")
        @Schema(description = "A partner channel's hold: its value at the quote when it was made; counts toward credit while ACTIVE")
        BigDecimal value,
        @Description("Currency of value (the channel's)") @Schema(description = "Currency of value (the channel's)") String currency) implements Node {
}
