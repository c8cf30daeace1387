package dev.channelhub.lead;

/** PENDING and APPROVED registrations protect their customer until {@code protectedUntil}; then they are EXPIRED. */
public enum DealStatus {
    PENDING, APPROVED, REJECTED, EXPIRED
}
