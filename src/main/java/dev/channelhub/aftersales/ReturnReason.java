package dev.channelhub.aftersales;

/** Why the customer sends a unit back. */
public enum ReturnReason {
    DEFECTIVE, WRONG_ITEM, NOT_AS_DESCRIBED, NO_LONGER_NEEDED, OTHER
}
