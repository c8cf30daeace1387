package dev.channelhub.settings;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tenant's settings as they apply now: a setting never set has its default. */
@Type("TenantSettings")
@Schema(description = "Tenant settings as they apply now (defaults where never set)")
public record TenantSettings(
        @Description("Most ACTIVE stock holds a partner channel may have at once (default 20)")
        @Schema(description = "Most ACTIVE stock holds a partner channel may have at once (default 20)")
        int maxActiveHoldsPerChannel,
        @Description("Days after delivery (or the last shipment) in which a return may be requested (default 30)")
        @Schema(description = "Days after delivery (or the last shipment) in which a return may be requested (default 30)")
        int returnWindowDays,
        @Description("Service case SLA in hours for URGENT cases (default 4)")
        @Schema(description = "Service case SLA in hours for URGENT cases (default 4)")
        int slaHoursUrgent,
        @Description("Service case SLA in hours for HIGH cases (default 24)")
        @Schema(description = "Service case SLA in hours for HIGH cases (default 24)")
        int slaHoursHigh,
        @Description("Service case SLA in hours for NORMAL cases (default 72)")
        @Schema(description = "Service case SLA in hours for NORMAL cases (default 72)")
        int slaHoursNormal,
        @Description("Service case SLA in hours for LOW cases (default 168)")
        @Schema(description = "Service case SLA in hours for LOW cases (default 168)")
        int slaHoursLow,
        @Description("Sell-through rate (0..1) below which a channel-inventory row carries stuffingRisk (default 0.3)")
        @Schema(description = "Sell-through rate (0..1) below which a channel-inventory row carries stuffingRisk (default 0.3)")
        @org.eclipse.microprofile.graphql.NonNull java.math.BigDecimal stuffingThreshold,
        @Description("0 while nothing was ever set") int version) {

    public static final int DEFAULT_MAX_ACTIVE_HOLDS_PER_CHANNEL = 20;
    public static final int DEFAULT_RETURN_WINDOW_DAYS = 30;
    public static final int DEFAULT_SLA_HOURS_URGENT = 4;
    public static final int DEFAULT_SLA_HOURS_HIGH = 24;
    public static final int DEFAULT_SLA_HOURS_NORMAL = 72;
    public static final int DEFAULT_SLA_HOURS_LOW = 168;
    public static final java.math.BigDecimal DEFAULT_STUFFING_THRESHOLD = new java.math.BigDecimal("0.3");

    public static TenantSettings defaults() {
        return new TenantSettings(DEFAULT_MAX_ACTIVE_HOLDS_PER_CHANNEL, DEFAULT_RETURN_WINDOW_DAYS, DEFAULT_SLA_HOURS_URGENT,
                DEFAULT_SLA_HOURS_HIGH, DEFAULT_SLA_HOURS_NORMAL, DEFAULT_SLA_HOURS_LOW,
                DEFAULT_STUFFING_THRESHOLD, 0);
    }
}
