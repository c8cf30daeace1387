package dev.channelhub.pricing;

import dev.channelhub.shared.relay.Node;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

@Type("Promotion")
public record PromotionView(
        @NonNull @Id String id,
        @NonNull String code,
        String name,
        @NonNull PromotionKind kind,
        @NonNull BigDecimal value,
        String currency,
        @NonNull PriceScope scope,
        @NonNull List<@NonNull String> skus,
        @NonNull List<@NonNull String> categories,
        int minQuantity,
        Instant validFrom,
        Instant validTo,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt) implements Node {
}
