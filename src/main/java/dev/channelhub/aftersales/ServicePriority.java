package dev.channelhub.aftersales;

import dev.channelhub.settings.TenantSettings;

/** Priority of a service case; its SLA hours come from the tenant settings. */
public enum ServicePriority {
    LOW, NORMAL, HIGH, URGENT;

    public int slaHours(TenantSettings s) {
        return switch (this) {
            case URGENT -> s.slaHoursUrgent();
            case HIGH -> s.slaHoursHigh();
            case NORMAL -> s.slaHoursNormal();
            case LOW -> s.slaHoursLow();
        };
    }
}
