package dev.channelhub.pricing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

/**
 * One row of a channel's catalogue: the product and its resolved unit price for the asked quantity (null with
 * {@code noPriceReason} when only larger tiers exist).
 */
@Type("CatalogItem")
public record CatalogItemView(
        @NonNull @Id String productId,
        @NonNull String sku,
        @NonNull String name,
        String category,
        @NonNull String unit,
        @NonNull String currency,
        int quantity,
        BigDecimal listPrice,
        BigDecimal unitPrice,
        String priceListCode,
        String promotionCode,
        boolean floorApplied,
        String noPriceReason,
        @Description("Units this channel can still promise: on hand minus reserved over the locations serving it")
        long availableToPromise) {
}
