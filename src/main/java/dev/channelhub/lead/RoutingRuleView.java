package dev.channelhub.lead;

import dev.channelhub.shared.relay.Node;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

@Type("LeadRoutingRule")
public record RoutingRuleView(
        @NonNull @Id String id,
        int priority,
        @NonNull RuleMatch match,
        @NonNull RuleTarget target,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt) implements Node {
}
