package dev.channelhub.analytics;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

/** One sales report bucket: {@code key} is the id or code, {@code label} a display name; money in {@code currency}. */
@Type("SalesReportRow")
public record SalesRow(@NonNull String key, String label, @NonNull String currency, long orders, long units, @NonNull BigDecimal revenue,
                       BigDecimal averageOrderValue) {

    public String cursorKey() {
        return key + "\t" + currency;
    }
}
