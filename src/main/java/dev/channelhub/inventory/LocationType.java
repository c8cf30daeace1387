package dev.channelhub.inventory;

public enum LocationType {
    WAREHOUSE, STORE, PARTNER
}
