package dev.channelhub.analytics.foresight;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

/** Revenue of one key in a period against the previous period of the same length, and its share (docs/KPIS.md). */
@Type("GrowthRow")
public record GrowthRow(@NonNull String key, String label, @NonNull String currency, @NonNull BigDecimal revenue,
                        @NonNull BigDecimal previousRevenue, BigDecimal growth, BigDecimal share) {

    public String cursorKey() {
        return key + "\t" + currency;
    }
}
