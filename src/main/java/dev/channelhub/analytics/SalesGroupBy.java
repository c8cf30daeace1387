package dev.channelhub.analytics;

import dev.channelhub.shared.error.ApiException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The sales report's {@code groupBy} values, as the contract spells them. */
public enum SalesGroupBy {
    CHANNEL("channel"), CHANNEL_TYPE("channelType"), REGION("region"), SKU("sku"), CATEGORY("category"), DAY("day"), MONTH("month");

    private final String param;

    SalesGroupBy(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    public static SalesGroupBy parse(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("groupBy", "is required: one of " + allowed());
        }
        String v = value.trim();
        for (SalesGroupBy g : values()) {
            if (g.param.equals(v) || g.name().equals(v)) {
                return g;
            }
        }
        throw ApiException.invalid("groupBy", "must be one of " + allowed());
    }

    private static String allowed() {
        return Arrays.stream(values()).map(SalesGroupBy::param).collect(Collectors.joining(", "));
    }
}
