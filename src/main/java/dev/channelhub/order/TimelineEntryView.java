package dev.channelhub.order;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** One event of an order's life: what, when, who, and details (details: a JSON object in REST; detailsJson: the same as a string, for GraphQL). */
@Type("OrderEvent")
public record TimelineEntryView(
        @NonNull @Id String id,
        @NonNull String type,
        @NonNull Instant occurredAt,
        String actor,
        @Ignore JsonNode details,
        @NonNull @Description("details as a JSON object in a string (GraphQL has no JSON scalar)") String detailsJson) {
}
