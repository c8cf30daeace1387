package dev.channelhub.pricing;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.util.List;

/** One priced line: the winning list's price, the promotion (if any), and why, in words. */
@Type("PriceQuoteLine")
public record QuoteLineView(
        @NonNull String sku,
        int quantity,
        @NonNull BigDecimal listPrice,
        @NonNull BigDecimal unitPrice,
        @NonNull BigDecimal lineTotal,
        @NonNull String priceListCode,
        String promotionCode,
        boolean floorApplied,
        @NonNull List<@NonNull String> explanation) {
}
