package dev.channelhub.lead;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

/** Tenant settings of leads and deals; {@code PUT /lead-settings} sets the fields given. */
@Type("LeadSettings")
@Input("LeadSettingsInput")
public record LeadSettings(
        @Min(1) @Max(525600) Integer acceptDeadlineMinutes,
        @Min(1) @Max(3650) Integer dealProtectionDays) {

    public static final int DEFAULT_ACCEPT_DEADLINE_MINUTES = 48 * 60;
    public static final int DEFAULT_DEAL_PROTECTION_DAYS = 90;

    public static LeadSettings defaults() {
        return new LeadSettings(DEFAULT_ACCEPT_DEADLINE_MINUTES, DEFAULT_DEAL_PROTECTION_DAYS);
    }
}
