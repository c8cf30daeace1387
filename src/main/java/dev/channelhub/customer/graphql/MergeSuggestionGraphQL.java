package dev.channelhub.customer.graphql;

import dev.channelhub.customer.MergeSuggestionService;
import dev.channelhub.customer.MergeSuggestionStatus;
import dev.channelhub.customer.MergeSuggestionView;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The GraphQL face of {@link MergeSuggestionService} (REST: /api/v1/customers/merge-suggestions). */
@GraphQLApi
@CodedErrors
public class MergeSuggestionGraphQL {

    private final MergeSuggestionService suggestions;
    private final CurrentCaller caller;

    public MergeSuggestionGraphQL(MergeSuggestionService suggestions, CurrentCaller caller) {
        this.suggestions = suggestions;
        this.caller = caller;
    }

    @Query("customerMergeSuggestions")
    @Description("Merge suggestions left by partners' identify calls (a partner's identify never merges), oldest first; "
            + "sales, manager, admin")
    public Uni<@NonNull MergeSuggestionConnection> customerMergeSuggestions(Integer first, String after, MergeSuggestionStatus status) {
        return suggestions.list(caller.get(), status, PageRequest.of(first, after, "first", "after")).map(MergeSuggestionConnection::of);
    }

    @Mutation("acceptCustomerMergeSuggestion")
    @Description("Merges the suggestion's customers into the oldest (the merge use case) and marks it ACCEPTED; a decided "
            + "suggestion, or one whose customers are no longer all ACTIVE, is INVALID_TRANSITION")
    public Uni<@NonNull MergeSuggestionView> acceptCustomerMergeSuggestion(@NonNull @Id String id) {
        return suggestions.accept(caller.get(), Ids.parseOrNotFound(id, "merge suggestion"));
    }

    @Mutation("dismissCustomerMergeSuggestion")
    @Description("Marks the suggestion DISMISSED; nothing is merged")
    public Uni<@NonNull MergeSuggestionView> dismissCustomerMergeSuggestion(@NonNull @Id String id) {
        return suggestions.dismiss(caller.get(), Ids.parseOrNotFound(id, "merge suggestion"));
    }
}
