package dev.channelhub.aftersales;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The service case state machine (API-CONTRACT-2 §7): OPEN → IN_PROGRESS → RESOLVED → CLOSED, RESOLVED → IN_PROGRESS
 * (reopen), OPEN | IN_PROGRESS → CANCELLED; anything else is {@code INVALID_TRANSITION}. Pure, with the SLA rules.
 */
public final class ServiceCaseLifecycle {

    private static final Map<ServiceCaseStatus, Set<ServiceCaseStatus>> ALLOWED = Map.of(
            ServiceCaseStatus.OPEN, EnumSet.of(ServiceCaseStatus.IN_PROGRESS, ServiceCaseStatus.CANCELLED),
            ServiceCaseStatus.IN_PROGRESS, EnumSet.of(ServiceCaseStatus.RESOLVED, ServiceCaseStatus.CANCELLED),
            ServiceCaseStatus.RESOLVED, EnumSet.of(ServiceCaseStatus.CLOSED, ServiceCaseStatus.IN_PROGRESS),
            ServiceCaseStatus.CLOSED, EnumSet.noneOf(ServiceCaseStatus.class),
            ServiceCaseStatus.CANCELLED, EnumSet.noneOf(ServiceCaseStatus.class));

    private ServiceCaseLifecycle() {
    }

    public static boolean canTransition(ServiceCaseStatus from, ServiceCaseStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    public static ServiceCaseStatus require(String number, ServiceCaseStatus from, ServiceCaseStatus to) {
        if (!canTransition(from, to)) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "service case " + number + " is " + from + " and cannot become " + to);
        }
        return to;
    }

    /** Overdue while not RESOLVED, CLOSED or CANCELLED after {@code dueAt}. */
    public static boolean overdue(ServiceCaseStatus status, Instant dueAt, Instant now) {
        return status.isActive() && now.isAfter(dueAt);
    }

    /** A satisfaction score may be given once the case is RESOLVED or CLOSED. */
    public static boolean canRate(ServiceCaseStatus status) {
        return status == ServiceCaseStatus.RESOLVED || status == ServiceCaseStatus.CLOSED;
    }
}
