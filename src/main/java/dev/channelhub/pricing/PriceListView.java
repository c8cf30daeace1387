package dev.channelhub.pricing;

import dev.channelhub.shared.relay.Node;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** A price list without its entries (those are paged: {@code GET /price-lists/{id}/entries}). */
@Type("PriceList")
public record PriceListView(
        @NonNull @Id String id,
        @NonNull String code,
        @NonNull String name,
        @NonNull String currency,
        Integer priority,
        int effectivePriority,
        @NonNull PriceScope scope,
        Instant validFrom,
        Instant validTo,
        long entryCount,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt) implements Node {
}
