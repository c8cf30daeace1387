package dev.channelhub.events;

public enum WebhookStatus {
    ACTIVE, DISABLED
}
