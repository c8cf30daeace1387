package dev.channelhub.aftersales;

import java.util.UUID;

/** What a list of service cases is narrowed to; null members do not narrow. */
public record ServiceCaseFilter(ServiceCaseStatus status, UUID assignedChannelId, UUID customerId, Boolean overdue) {
}
