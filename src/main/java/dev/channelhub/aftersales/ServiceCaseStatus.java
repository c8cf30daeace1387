package dev.channelhub.aftersales;

/** Where a service case stands; {@link ServiceCaseLifecycle} says which step may follow which. */
public enum ServiceCaseStatus {
    OPEN, IN_PROGRESS, RESOLVED, CLOSED, CANCELLED;

    /** Still being worked: the SLA clock runs and the case can be overdue. */
    public boolean isActive() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
