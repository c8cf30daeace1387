package dev.channelhub.events;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** A webhook subscription. {@code secret} is shown once, in the answer that created it. */
@Type("Webhook")
public record WebhookView(@NonNull @Id String id, @NonNull String url, @NonNull List<String> events, @NonNull WebhookStatus status, String disabledReason,
                          int consecutiveFailures, int version, @NonNull Instant createdAt, @NonNull Instant updatedAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    WebhookView withSecret(String s) {
        return new WebhookView(id, url, events, status, disabledReason, consecutiveFailures, version, createdAt, updatedAt, s);
    }
}
