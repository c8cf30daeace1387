package dev.channelhub.customer;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A partner identified a customer with identities that belong to several customers. A partner's identify never
 * merges; the brand decides here (sales, manager, admin).
 */
@Type("CustomerMergeSuggestion")
@Schema(description = "A partner's identities pointed to several customers; it got the oldest and nothing was merged. "
        + "Sales, managers and admins accept (the customers are merged into the oldest) or dismiss it")
public record MergeSuggestionView(
        @NonNull @Id String id,
        @NonNull @Description("The customers, oldest first; accepting merges the others into the first")
        @Schema(description = "The customers, oldest first; accepting merges the others into the first")
        List<@NonNull String> customerIds,
        @NonNull @Description("What the partner presented, each with the customer it belonged to")
        @Schema(description = "What the partner presented, each with the customer it belonged to")
        List<@NonNull SuggestedIdentity> identities,
        @NonNull @Id String suggestedByChannelId,
        @NonNull Instant createdAt,
        @NonNull MergeSuggestionStatus status,
        @Id @Description("Set once accepted: the customer the others were merged into")
        @Schema(description = "Set once accepted: the customer the others were merged into")
        String survivorId,
        String decidedBy,
        Instant decidedAt,
        int version) {
}
