package dev.channelhub.aftersales;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Type("ServiceCase")
@Schema(description = "An after-sales service case, routed to the channel that serves the customer")
public record ServiceCaseView(
        @NonNull @Id String id,
        @NonNull @Description("SC-yyyymmdd-nnnnnn") String number,
        @Id String customerId,
        @Id String orderId,
        @Id @Description("The channel named at creation, if any") String channelId,
        @NonNull @Id @Description("The serving channel: the order's, else the customer's owner channel, else channelId") String assignedChannelId,
        @NonNull ServiceCategory category,
        @NonNull ServicePriority priority,
        @NonNull ServiceCaseStatus status,
        @NonNull String subject,
        @NonNull String description,
        @NonNull @Description("createdAt + the tenant's SLA hours for the priority") Instant dueAt,
        @Description("True while not RESOLVED, CLOSED or CANCELLED after dueAt") boolean overdue,
        Instant resolvedAt,
        @Description("Satisfaction score 1-5, given once after resolution") Integer satisfactionScore,
        String satisfactionComment,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt,
        int version) {

    public UUID uuid() {
        return UUID.fromString(id);
    }
}
