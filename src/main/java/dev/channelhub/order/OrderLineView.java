package dev.channelhub.order;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

/** An order line with the price locked at placement and how much of it has shipped and been delivered. */
@Type("OrderLine")
public record OrderLineView(
        @NonNull String sku,
        int quantity,
        @NonNull BigDecimal listPrice,
        @NonNull BigDecimal unitPrice,
        @NonNull BigDecimal lineTotal,
        String priceListCode,
        String promotionCode,
        boolean floorApplied,
        int shippedQuantity,
        int deliveredQuantity) {
}
