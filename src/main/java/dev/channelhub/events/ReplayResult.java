package dev.channelhub.events;

/** {@code POST /webhooks/{id}/replay}: how many deliveries were queued again. */
public record ReplayResult(String webhookId, int replayed) {
}
