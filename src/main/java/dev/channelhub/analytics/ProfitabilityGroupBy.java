package dev.channelhub.analytics;

import dev.channelhub.shared.error.ApiException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The profitability report's {@code groupBy} values, as the contract spells them. */
public enum ProfitabilityGroupBy {
    CHANNEL("channel"), CHANNEL_TYPE("channelType"), REGION("region");

    private final String param;

    ProfitabilityGroupBy(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    public static ProfitabilityGroupBy parse(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("groupBy", "is required: one of " + allowed());
        }
        String v = value.trim();
        for (ProfitabilityGroupBy g : values()) {
            if (g.param.equals(v) || g.name().equals(v)) {
                return g;
            }
        }
        throw ApiException.invalid("groupBy", "must be one of " + allowed());
    }

    private static String allowed() {
        return Arrays.stream(values()).map(ProfitabilityGroupBy::param).collect(Collectors.joining(", "));
    }
}
