package dev.channelhub.customer.graphql;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.customer.AddTouchpointRequest;
import dev.channelhub.customer.CustomerChannelView;
import dev.channelhub.customer.CustomerInsightService;
import dev.channelhub.customer.CustomerOpenLeads.OpenLead;
import dev.channelhub.customer.CustomerPatch;
import dev.channelhub.customer.CustomerService;
import dev.channelhub.customer.CustomerStats;
import dev.channelhub.customer.CustomerStatus;
import dev.channelhub.customer.CustomerView;
import dev.channelhub.customer.IdentifyRequest;
import dev.channelhub.customer.IdentifyResult;
import dev.channelhub.customer.IdentityView;
import dev.channelhub.customer.MergeRequest;
import dev.channelhub.customer.MergeResult;
import dev.channelhub.customer.TouchpointView;
import dev.channelhub.customer.UnmergeRequest;
import dev.channelhub.customer.UnmergeResult;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.web.ArgumentBatches;
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
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;

@GraphQLApi
@CodedErrors
public class CustomerGraphQL {

    @Inject
    CustomerService service;

    @Inject
    CustomerInsightService insights;

    @Inject
    CurrentCaller caller;

    @Inject
    ArgumentBatches batches;

    @Inject
    ObjectMapper mapper;

    @Query("customer")
    @Description("One customer by id, with the 360° view as nested fields; a merged id answers with status MERGED and mergedInto")
    public Uni<CustomerView> customer(@NonNull @Id String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "customer"));
    }

    @Query("customers")
    @Description("Search by name prefix or any identity (normalised), by channel and group; ACTIVE customers unless status says otherwise")
    public Uni<CustomerConnection> customers(String q, @Id String channelId, String group, CustomerStatus status,
                                             Integer first, String after) {
        return service.search(caller.get(), q, Ids.parseNullable(channelId, "channelId"), group, status,
                PageRequest.of(first, after, "first", "after")).map(CustomerConnection::of);
    }

    @Mutation("identifyCustomer")
    @Description("Finds or creates the customer of these identities; several matches are merged into the oldest, except for a "
            + "partner: it gets the oldest, nothing is merged and a merge suggestion is recorded (customerMergeSuggestions)")
    public Uni<IdentifyResult> identifyCustomer(@NonNull IdentifyRequest input, String idempotencyKey) {
        return service.identify(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("mergeCustomers")
    @Description("Merges sourceIds into id: the sources become MERGED; identities, touchpoints, orders and leads move, with lineage")
    public Uni<MergeResult> mergeCustomers(@NonNull @Id String id, @NonNull List<@NonNull String> sourceIds, String reason) {
        return service.merge(caller.get(), Ids.parseOrNotFound(id, "customer"), new MergeRequest(sourceIds, reason));
    }

    @Mutation("unmergeCustomer")
    @Description("Restores sourceId, merged into id, with exactly what was its own")
    public Uni<UnmergeResult> unmergeCustomer(@NonNull @Id String id, @NonNull @Id String sourceId, String reason) {
        return service.unmerge(caller.get(), Ids.parseOrNotFound(id, "customer"), new UnmergeRequest(sourceId, reason));
    }

    @Mutation("addTouchpoint")
    public Uni<TouchpointView> addTouchpoint(@NonNull @Id String customerId, @NonNull AddTouchpointRequest input, String idempotencyKey) {
        return service.addTouchpoint(caller.get(), Ids.parseOrNotFound(customerId, "customer"), input, idempotencyKey)
                .map(Outcome::body);
    }

    @Mutation("updateCustomer")
    public Uni<CustomerView> updateCustomer(@NonNull @Id String id, @NonNull UpdateCustomerInput input, Integer version) {
        return Uni.createFrom().deferred(() -> service.update(caller.get(), Ids.parseOrNotFound(id, "customer"),
                new CustomerPatch(input.name(), input.type(), input.group(), input.tags(), attributes(input.attributes()),
                        input.ownerChannelId()), version));
    }

    // ---- Customer fields, each batched over every customer of the response

    @Description("Free attributes: a JSON object encoded as a string; \"{}\" for a partner unless its channel owns the customer")
    public String attributes(@Source CustomerView customer) {
        try {
            return mapper.writeValueAsString(customer.attributes() == null ? Map.of() : customer.attributes());
        } catch (Exception e) {
            return "{}";
        }
    }

    @Description("Normalised identities, oldest first; a partner sees only those recorded through its own channel")
    public Uni<List<@NonNull List<@NonNull IdentityView>>> identities(@Source List<CustomerView> customers) {
        return insights.identities(caller.get(), customers);
    }

    @Description("Channels that have seen the customer (identify, touchpoint, order), first/last seen, orders and revenue there; "
            + "a partner sees only its own channel")
    public Uni<List<@NonNull List<@NonNull CustomerChannelView>>> channels(@Source List<CustomerView> customers) {
        return insights.channels(caller.get(), customers);
    }

    @Description("Order figures; a partner's are those of its own channel's orders")
    public Uni<List<@NonNull CustomerStats>> stats(@Source List<CustomerView> customers) {
        return insights.stats(caller.get(), customers);
    }

    @Description("Newest first")
    public Uni<@NonNull TouchpointConnection> touchpoints(@Source CustomerView customer, Integer first, String after) {
        ArgumentBatches.PageArgs args = new ArgumentBatches.PageArgs(caller.get(), PageRequest.of(first, after, "first", "after"));
        return batches.load("Customer.touchpoints", args, customer, (a, customers) -> service.touchpointPages(a.caller(), customers, a.page())
                .map(pages -> pages.stream().map(TouchpointConnection::of).toList()));
    }

    public Uni<List<@NonNull List<@NonNull OpenLead>>> openLeads(@Source List<CustomerView> customers) {
        return insights.openLeads(caller.get(), customers);
    }

    private Map<String, Object> attributes(String json) {
        if (json == null) {
            return null;
        }
        try {
            Map<String, Object> map = mapper.readValue(json, new TypeReference<Map<String, Object>>() {
            });
            if (map == null) {
                throw new IllegalArgumentException();
            }
            return map;
        } catch (Exception e) {
            throw ApiException.invalid("input.attributes", "must be a JSON object");
        }
    }
}
