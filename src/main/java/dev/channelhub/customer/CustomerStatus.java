package dev.channelhub.customer;

/** ACTIVE, or MERGED into another customer (the id keeps answering, with {@code mergedInto}). */
public enum CustomerStatus {
    ACTIVE, MERGED
}
