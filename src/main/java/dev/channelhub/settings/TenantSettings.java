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
        @Description("0 while nothing was ever set") int version) {

    public static final int DEFAULT_MAX_ACTIVE_HOLDS_PER_CHANNEL = 20;

    public static TenantSettings defaults() {
        return new TenantSettings(DEFAULT_MAX_ACTIVE_HOLDS_PER_CHANNEL, 0);
    }
}
