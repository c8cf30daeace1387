package dev.channelhub.settings;

import dev.channelhub.shared.web.MergePatch;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code PATCH /settings} and GraphQL {@code TenantSettingsInput}: a setting left out stays; REST merge-patch nulls
 * (and {@code clear}) put a setting back to its default.
 */
@Input("TenantSettingsInput")
@Schema(description = "JSON merge-patch of the tenant settings: absent stays, null returns to the default")
@MergePatch.Clearable({"maxActiveHoldsPerChannel", "returnWindowDays", "slaHoursUrgent", "slaHoursHigh", "slaHoursNormal", "slaHoursLow",
        "stuffingThreshold"})
public record TenantSettingsPatch(
        @Min(1) @Max(1000)
        @Schema(description = "Most ACTIVE stock holds a partner channel may have at once, 1 to 1000")
        Integer maxActiveHoldsPerChannel,
        @Min(0) @Max(3650)
        @Schema(description = "Days after delivery in which a return may be requested, 0 to 3650")
        Integer returnWindowDays,
        @Min(1) @Max(8760)
        @Schema(description = "Service case SLA hours for URGENT cases, 1 to 8760")
        Integer slaHoursUrgent,
        @Min(1) @Max(8760)
        @Schema(description = "Service case SLA hours for HIGH cases, 1 to 8760")
        Integer slaHoursHigh,
        @Min(1) @Max(8760)
        @Schema(description = "Service case SLA hours for NORMAL cases, 1 to 8760")
        Integer slaHoursNormal,
        @Min(1) @Max(8760)
        @Schema(description = "Service case SLA hours for LOW cases, 1 to 8760")
        Integer slaHoursLow,
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
        @Schema(description = "Sell-through rate (0..1, at most 4 decimals) below which a channel-inventory row carries stuffingRisk")
        BigDecimal stuffingThreshold,
        @Description("Settings to put back to their default: maxActiveHoldsPerChannel, returnWindowDays, slaHoursUrgent, "
                + "slaHoursHigh, slaHoursNormal, slaHoursLow, stuffingThreshold")
        List<String> clear) implements MergePatch.Patch<TenantSettingsPatch> {

    public static final List<String> CLEARABLE = MergePatch.clearable(TenantSettingsPatch.class);

    @Override
    public TenantSettingsPatch withClear(Collection<String> more) {
        List<String> all = new ArrayList<>(clear == null ? List.of() : clear);
        all.addAll(more);
        return new TenantSettingsPatch(maxActiveHoldsPerChannel, returnWindowDays, slaHoursUrgent, slaHoursHigh, slaHoursNormal, slaHoursLow,
                stuffingThreshold, all);
    }

    public boolean clears(String field) {
        return clear != null && clear.contains(field);
    }

    /** The patch's value of a setting by its name (null when absent). */
    public Object value(String field) {
        return switch (field) {
            case "maxActiveHoldsPerChannel" -> maxActiveHoldsPerChannel;
            case "returnWindowDays" -> returnWindowDays;
            case "slaHoursUrgent" -> slaHoursUrgent;
            case "slaHoursHigh" -> slaHoursHigh;
            case "slaHoursNormal" -> slaHoursNormal;
            case "slaHoursLow" -> slaHoursLow;
            case "stuffingThreshold" -> stuffingThreshold;
            default -> throw new IllegalArgumentException(field);
        };
    }

    public boolean isEmpty() {
        return CLEARABLE.stream().allMatch(f -> value(f) == null) && (clear == null || clear.isEmpty());
    }
}
