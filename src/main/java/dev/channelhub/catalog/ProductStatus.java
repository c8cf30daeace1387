package dev.channelhub.catalog;

/** A discontinued product stays in the catalogue (orders point at it) but can no longer be quoted or ordered. */
public enum ProductStatus {
    ACTIVE, DISCONTINUED
}
