package dev.channelhub.lead.graphql;

import dev.channelhub.lead.CreateLeadRequest;
import dev.channelhub.lead.DealCheck;
import dev.channelhub.lead.DealCheckRequest;
import dev.channelhub.lead.DealFilter;
import dev.channelhub.lead.DealService;
import dev.channelhub.lead.DealStatus;
import dev.channelhub.lead.DealView;
import dev.channelhub.lead.LeadFilter;
import dev.channelhub.lead.LeadRoutingRules;
import dev.channelhub.lead.LeadService;
import dev.channelhub.lead.LeadSettings;
import dev.channelhub.lead.LeadStatus;
import dev.channelhub.lead.LeadView;
import dev.channelhub.lead.RegisterDealRequest;
import dev.channelhub.lead.RoutingRuleRequest;
import dev.channelhub.lead.RoutingRuleView;
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

@GraphQLApi
@CodedErrors
public class LeadGraphQL {

    @Inject
    LeadService leads;

    @Inject
    LeadRoutingRules rules;

    @Inject
    DealService deals;

    @Inject
    CurrentCaller caller;

    @Query("leads")
    @Description("Leads (partners: those assigned to or originated by their channel)")
    public Uni<LeadConnection> leads(Integer first, String after, LeadStatus status, @Id String assignedChannelId,
                                     @Id String sourceChannelId, @Id String customerId) {
        return leads.list(caller.get(), new LeadFilter(status, Ids.parseNullable(assignedChannelId, "assignedChannelId"),
                        Ids.parseNullable(sourceChannelId, "sourceChannelId"), Ids.parseNullable(customerId, "customerId")),
                PageRequest.of(first, after, "first", "after")).map(LeadConnection::of);
    }

    @Query("lead")
    public Uni<LeadView> lead(@NonNull @Id String id) {
        return leads.get(caller.get(), Ids.parseOrNotFound(id, "lead"));
    }

    @Mutation("createLead")
    @Description("Creates a lead and routes it by the routing rules")
    public Uni<LeadView> createLead(@NonNull CreateLeadRequest input, String idempotencyKey) {
        return leads.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("acceptLead")
    public Uni<LeadView> acceptLead(@NonNull @Id String id) {
        return leads.accept(caller.get(), Ids.parseOrNotFound(id, "lead"));
    }

    @Mutation("rejectLead")
    @Description("Gives the lead back; it is routed again, never to a channel that gave it back")
    public Uni<LeadView> rejectLead(@NonNull @Id String id, String reason) {
        return leads.reject(caller.get(), Ids.parseOrNotFound(id, "lead"), reason);
    }

    @Mutation("convertLead")
    @Description("With an order, the order's channel gets the conversion; the source channel keeps the origination")
    public Uni<LeadView> convertLead(@NonNull @Id String id, @Id String orderId) {
        return leads.convert(caller.get(), Ids.parseOrNotFound(id, "lead"), orderId);
    }

    @Mutation("loseLead")
    public Uni<LeadView> loseLead(@NonNull @Id String id, String reason) {
        return leads.lose(caller.get(), Ids.parseOrNotFound(id, "lead"), reason);
    }

    @Mutation("assignLead")
    public Uni<LeadView> assignLead(@NonNull @Id String id, @NonNull @Id String channelId) {
        return leads.assign(caller.get(), Ids.parseOrNotFound(id, "lead"), channelId);
    }

    @Query("leadRoutingRules")
    public Uni<LeadRoutingRuleConnection> leadRoutingRules(Integer first, String after) {
        return rules.list(caller.get(), PageRequest.of(first, after, "first", "after")).map(LeadRoutingRuleConnection::of);
    }

    @Mutation("createLeadRoutingRule")
    public Uni<RoutingRuleView> createLeadRoutingRule(@NonNull RoutingRuleRequest input, String idempotencyKey) {
        return rules.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("updateLeadRoutingRule")
    public Uni<RoutingRuleView> updateLeadRoutingRule(@NonNull @Id String id, @NonNull RoutingRuleRequest input, Integer version) {
        return rules.update(caller.get(), Ids.parseOrNotFound(id, "routing rule"), input, version);
    }

    @Mutation("deleteLeadRoutingRule")
    public Uni<Boolean> deleteLeadRoutingRule(@NonNull @Id String id) {
        return rules.delete(caller.get(), Ids.parseOrNotFound(id, "routing rule")).replaceWith(true);
    }

    @Query("leadSettings")
    public Uni<LeadSettings> leadSettings() {
        return leads.settings(caller.get());
    }

    @Mutation("updateLeadSettings")
    public Uni<LeadSettings> updateLeadSettings(@NonNull LeadSettings input) {
        return leads.updateSettings(caller.get(), input);
    }

    @Query("deals")
    @Description("Deal registrations (partners: their own)")
    public Uni<DealConnection> deals(Integer first, String after, DealStatus status, @Id String channelId, @Id String customerId) {
        return deals.list(caller.get(), new DealFilter(status, Ids.parseNullable(channelId, "channelId"),
                Ids.parseNullable(customerId, "customerId")), PageRequest.of(first, after, "first", "after")).map(DealConnection::of);
    }

    @Query("deal")
    public Uni<DealView> deal(@NonNull @Id String id) {
        return deals.get(caller.get(), Ids.parseOrNotFound(id, "deal"));
    }

    @Query("checkDeal")
    @Description("Dry run: would registering this customer conflict? Nothing is written")
    public Uni<DealCheck> checkDeal(@NonNull DealCheckRequest input) {
        return deals.check(caller.get(), input);
    }

    @Mutation("registerDeal")
    public Uni<DealView> registerDeal(@NonNull RegisterDealRequest input, String idempotencyKey) {
        return deals.register(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("approveDeal")
    public Uni<DealView> approveDeal(@NonNull @Id String id, String reason) {
        return deals.approve(caller.get(), Ids.parseOrNotFound(id, "deal"), reason);
    }

    @Mutation("rejectDeal")
    public Uni<DealView> rejectDeal(@NonNull @Id String id, String reason) {
        return deals.reject(caller.get(), Ids.parseOrNotFound(id, "deal"), reason);
    }

    @Mutation("requestDealExtension")
    public Uni<DealView> requestDealExtension(@NonNull @Id String id, @NonNull Integer days, String reason) {
        return deals.requestExtension(caller.get(), Ids.parseOrNotFound(id, "deal"), days, reason);
    }

    @Mutation("approveDealExtension")
    public Uni<DealView> approveDealExtension(@NonNull @Id String id, Integer days) {
        return deals.approveExtension(caller.get(), Ids.parseOrNotFound(id, "deal"), days);
    }
}
