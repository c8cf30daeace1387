package dev.channelhub.analytics;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

/**
 * One sales report bucket: {@code key} is the id or code, {@code label} a display name; money in {@code currency}.
 * With {@code thenBy} a row is keyed by both {@code key} and {@code thenKey} (a cross-tab cell).
 */
@Type("SalesReportRow")
public record SalesRow(@NonNull String key, String label, @NonNull String currency, long orders, long units, @NonNull BigDecimal revenue,
                       BigDecimal averageOrderValue, String thenKey, String thenLabel) {

    public SalesRow(String key, String label, String currency, long orders, long units, BigDecimal revenue, BigDecimal averageOrderValue) {
        this(key, label, currency, orders, units, revenue, averageOrderValue, null, null);
    }

    public String cursorKey() {
        return thenKey == null ? key + "\t" + currency : key + "\t" + thenKey + "\t" + currency;
    }
}
