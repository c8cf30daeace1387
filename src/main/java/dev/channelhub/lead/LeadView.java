package dev.channelhub.lead;

import dev.channelhub.shared.relay.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;

/** A lead: who originated it (source), who works it (assigned) and who converted it (the order's channel). */
@Type("Lead")
public record LeadView(
        @NonNull @Id String id,
        @NonNull LeadStatus status,
        @NonNull String customerId,
        @Description("The channel that originated the lead (keeps the origination)") String sourceChannelId,
        String assignedChannelId,
        @Description("The channel of the order that converted the lead (gets the conversion)") String conversionChannelId,
        String orderId,
        String region,
        String category,
        BigDecimal estimatedValue,
        @NonNull String currency,
        String note,
        String routingRuleId,
        Instant assignedAt,
        Instant acceptDeadline,
        Instant acceptedAt,
        Instant closedAt,
        String closedReason,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt) implements Node {
}
