package dev.channelhub.order;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ShipmentLine")
public record ShipmentLineView(@NonNull String sku, int quantity, @NonNull String locationCode) {
}
