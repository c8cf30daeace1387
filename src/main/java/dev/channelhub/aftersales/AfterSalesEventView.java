package dev.channelhub.aftersales;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One step in the life of a return or a service case: what, when, who, details. */
@Type("AfterSalesEvent")
@Schema(description = "A step of a return or service case with time, actor and details")
public record AfterSalesEventView(
        @NonNull @Id String id,
        @NonNull String type,
        @NonNull Instant occurredAt,
        String actor,
        @Ignore @Schema(description = "Details of the step as a JSON object") JsonNode details,
        @NonNull @Description("details as a JSON object in a string (GraphQL has no JSON scalar)") String detailsJson) {
}
