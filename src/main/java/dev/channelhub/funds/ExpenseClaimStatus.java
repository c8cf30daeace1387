package dev.channelhub.funds;

/** SUBMITTED → APPROVED or REJECTED; a decided claim never changes again (409 INVALID_TRANSITION). */
public enum ExpenseClaimStatus {
    SUBMITTED, APPROVED, REJECTED
}
