package dev.channelhub.events;

import org.eclipse.microprofile.graphql.Type;

/** {@code POST /webhooks/{id}/replay}: how many deliveries were queued again. */
@Type("WebhookReplay")
public record ReplayResult(String webhookId, int replayed) {
}
