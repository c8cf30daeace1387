package dev.channelhub.aftersales;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A return (RMA) as REST and GraphQL show it; the lines always come with it (one statement per page). */
@Type("Return")
@Schema(description = "A return (RMA) of shipped units of one order")
public record ReturnView(
        @NonNull @Id String id,
        @NonNull @Description("RMA-yyyymmdd-nnnnnn") String number,
        @NonNull @Id String orderId,
        @NonNull @Id String channelId,
        @Id String customerId,
        @NonNull ReturnStatus status,
        @NonNull List<@NonNull ReturnLineView> lines,
        @NonNull @Description("Sum of the lines' refundAmount") BigDecimal refundTotal,
        @NonNull String currency,
        String note,
        String rejectReason,
        @Description("Where the goods were received") String locationCode,
        @Description("Of refundTotal, what was paid back (set when REFUNDED)") BigDecimal refundedAmount,
        @Description("Of refundTotal, what became a credit note on the order (set when REFUNDED)") BigDecimal creditedAmount,
        String refundMethod,
        String refundReference,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt,
        int version) {

    public UUID uuid() {
        return UUID.fromString(id);
    }
}
