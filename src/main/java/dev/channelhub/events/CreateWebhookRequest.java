package dev.channelhub.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** {@code POST /webhooks}: where to deliver, which event types (patterns like {@code order.*}), the signing secret. */
@Input("CreateWebhookInput")
public record CreateWebhookRequest(
        @NotBlank @Size(max = 2000) String url,
        @NotEmpty @Size(max = 50) List<String> events,
        @Size(min = 16, max = 200) String secret) {
}
