package dev.channelhub.inventory;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** One change of one stock row; the deltas of all rows of a (location, sku) sum to its current numbers. */
@Type("StockLedgerEntry")
public record LedgerEntryView(
        @NonNull @Id String id,
        @NonNull String locationCode,
        @NonNull String sku,
        @NonNull LedgerKind kind,
        long onHandDelta,
        long reservedDelta,
        long onHandAfter,
        long reservedAfter,
        String reason,
        String refType,
        String refId,
        String actor,
        @NonNull Instant occurredAt) {
}
