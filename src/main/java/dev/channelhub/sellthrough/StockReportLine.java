package dev.channelhub.sellthrough;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("StockReportLine")
public record StockReportLine(@NonNull String sku, int quantity) {
}
