package dev.channelhub.inventory;

public enum HoldStatus {
    ACTIVE, CONSUMED, RELEASED, EXPIRED
}
