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

    /**
     * The second dimension of a cross-tab: not the first one again, and not sku with category, nor day with month
     * (the rollups have no such pairs, and they say nothing more than one of the two).
     */
    public static SalesGroupBy parseThenBy(String value, SalesGroupBy first) {
        SalesGroupBy then;
        try {
            then = parse(value);
        } catch (ApiException e) {
            throw ApiException.invalid("thenBy", "must be one of " + allowed());
        }
        boolean skuCategory = (first == SKU && then == CATEGORY) || (first == CATEGORY && then == SKU);
        boolean dayMonth = (first == DAY && then == MONTH) || (first == MONTH && then == DAY);
        if (then == first || skuCategory || dayMonth) {
            throw ApiException.invalid("thenBy", "cannot be combined with groupBy=" + first.param);
        }
        return then;
    }

    /** {@code attribution}: closing (default, false) or origin (true). */
    public static boolean parseAttribution(String value) {
        if (value == null || value.isBlank() || value.trim().equals("closing") || value.trim().equals("CLOSING")) {
            return false;
        }
        if (value.trim().equals("origin") || value.trim().equals("ORIGIN")) {
            return true;
        }
        throw ApiException.invalid("attribution", "must be closing or origin");
    }

    private static String allowed() {
        return Arrays.stream(values()).map(SalesGroupBy::param).collect(Collectors.joining(", "));
    }
}
