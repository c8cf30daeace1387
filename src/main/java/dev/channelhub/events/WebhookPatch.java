package dev.channelhub.events;

import org.eclipse.microprofile.graphql.Input;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code PATCH /webhooks/{id}}: every field optional; {@code status: ACTIVE} re-enables a disabled webhook. */
@Input("UpdateWebhookInput")
public record WebhookPatch(
        @Size(max = 2000) String url,
        @Size(min = 1, max = 50) List<String> events,
        @Size(min = 16, max = 200) String secret,
        WebhookStatus status) {
}
