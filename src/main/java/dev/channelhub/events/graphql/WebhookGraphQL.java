package dev.channelhub.events.graphql;

import dev.channelhub.events.CreateWebhookRequest;
import dev.channelhub.events.ReplayResult;
import dev.channelhub.events.WebhookPatch;
import dev.channelhub.events.WebhookService;
import dev.channelhub.events.WebhookView;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The GraphQL face of /webhooks: the same service, so the same roles, SSRF guard, secrets and delivery rules. */
@GraphQLApi
@CodedErrors
public class WebhookGraphQL {

    @Inject
    WebhookService service;

    @Inject
    CurrentCaller caller;

    @Query("webhooks")
    @Description("The tenant's webhook subscriptions. Integrations and managers (read only).")
    public Uni<WebhookConnection> webhooks(Integer first, String after) {
        return service.list(caller.get(), PageRequest.of(first, after, "first", "after")).map(WebhookConnection::of);
    }

    @Query("webhook")
    @Description("One webhook subscription with its status and failure count. Integrations and managers; NOT_FOUND for an "
            + "unknown id.")
    public Uni<WebhookView> webhook(@NonNull @Id String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "webhook"));
    }

    @Query("webhookDeliveries")
    @Description("A webhook's delivery log, oldest first, with attempts, status and last response; status PENDING or DELIVERED "
            + "filters. Integrations and managers.")
    public Uni<WebhookDeliveryConnection> webhookDeliveries(@NonNull @Id String id, String status, Integer first, String after) {
        return service.deliveries(caller.get(), Ids.parseOrNotFound(id, "webhook"), status,
                PageRequest.of(first, after, "first", "after")).map(WebhookDeliveryConnection::of);
    }

    @Mutation("createWebhook")
    @Description("Subscribes a URL to event types (patterns such as order.*); deliveries are signed with the secret, generated "
            + "when omitted and shown only in this answer. Integrations only; VALIDATION_FAILED on a refused URL (private "
            + "addresses) or an unknown event type; idempotencyKey replays the answer without the secret.")
    public Uni<WebhookView> createWebhook(@NonNull CreateWebhookRequest input, String idempotencyKey) {
        return service.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("updateWebhook")
    @Description("Changes url, events or secret (fields left out stay); status ACTIVE re-enables a disabled webhook. "
            + "Integrations only; VERSION_CONFLICT when version does not match.")
    public Uni<WebhookView> updateWebhook(@NonNull @Id String id, @NonNull WebhookPatch input, Integer version) {
        return service.update(caller.get(), Ids.parseOrNotFound(id, "webhook"), input, version);
    }

    @Mutation("deleteWebhook")
    @Description("Removes a webhook with its delivery log; nothing more is delivered to it. Integrations only; NOT_FOUND for an "
            + "unknown id. Answers true.")
    public Uni<Boolean> deleteWebhook(@NonNull @Id String id) {
        return service.delete(caller.get(), Ids.parseOrNotFound(id, "webhook")).replaceWith(true);
    }

    @Mutation("replayWebhook")
    @Description("Queues the matching events for delivery again from an event sequence number or an ISO-8601 time (same event "
            + "ids, replay: true in the log). Integrations only; VALIDATION_FAILED on a bad from.")
    public Uni<ReplayResult> replayWebhook(@NonNull @Id String id, @NonNull String from) {
        return service.replay(caller.get(), Ids.parseOrNotFound(id, "webhook"), from);
    }
}
