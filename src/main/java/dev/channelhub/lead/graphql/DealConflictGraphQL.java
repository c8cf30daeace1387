package dev.channelhub.lead.graphql;

import dev.channelhub.lead.DealService;
import dev.channelhub.lead.DealView;
import dev.channelhub.lead.LeadRoutingRules;
import dev.channelhub.lead.RoutingRuleView;
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

/** The GraphQL face of GET /deals/conflicts, POST /deals/{id}/extension/reject and GET /lead-routing-rules/{id}. */
@GraphQLApi
@CodedErrors
public class DealConflictGraphQL {

    @Inject
    DealService deals;

    @Inject
    LeadRoutingRules rules;

    @Inject
    CurrentCaller caller;

    @Query("dealConflicts")
    @Description("Orders placed for a protected customer through another channel than the protecting partner's, for the brand "
            + "to arbitrate; channelId filters by the ordering channel. Managers only.")
    public Uni<DealConflictConnection> dealConflicts(@Id String channelId, Integer first, String after) {
        return deals.conflicts(caller.get(), Ids.parseNullable(channelId, "channelId"), PageRequest.of(first, after, "first", "after"))
                .map(DealConflictConnection::of);
    }

    @Mutation("rejectDealExtension")
    @Description("Refuses a deal's requested protection extension. Managers only; INVALID_TRANSITION without a pending request.")
    public Uni<DealView> rejectDealExtension(@NonNull @Id String id) {
        return deals.rejectExtension(caller.get(), Ids.parseOrNotFound(id, "deal"));
    }

    @Query("leadRoutingRule")
    @Description("One lead routing rule. Managers and sales; NOT_FOUND for an unknown id.")
    public Uni<RoutingRuleView> leadRoutingRule(@NonNull @Id String id) {
        return rules.get(caller.get(), Ids.parseOrNotFound(id, "routing rule"));
    }
}
