package dev.channelhub.customer;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One identity the partner presented, normalised, and the customer it belonged to when the suggestion was made. */
@Type("CustomerMergeSuggestionIdentity")
@Schema(description = "An identity the partner presented (normalised) and the customer it belonged to at that time")
public record SuggestedIdentity(
        @NonNull IdentityKind kind,
        @NonNull String value,
        @NonNull @Id @Description("The customer the identity belonged to (or was attached to) when the suggestion was made")
        String customerId) {
}
