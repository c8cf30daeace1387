package dev.channelhub.aftersales;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Type("ReturnLine")
@Schema(description = "A returned SKU: units asked and received, the order line's price and the money it is worth")
public record ReturnLineView(
        @NonNull String sku,
        int quantity,
        @NonNull ReturnReason reason,
        @NonNull @Description("The order line's unit price") BigDecimal unitPrice,
        @NonNull @Description("unitPrice x quantity; once received, unitPrice x receivedQuantity") BigDecimal refundAmount,
        int receivedQuantity,
        Disposition disposition) {
}
