package dev.channelhub.aftersales;

/** Where a return (RMA) stands; {@link ReturnLifecycle} says which step may follow which. */
public enum ReturnStatus {
    REQUESTED, APPROVED, REJECTED, RECEIVED, REFUNDED
}
