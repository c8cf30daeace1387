package dev.channelhub.aftersales.graphql;

import dev.channelhub.aftersales.OpenServiceCaseRequest;
import dev.channelhub.aftersales.ReassignServiceCaseRequest;
import dev.channelhub.aftersales.SatisfactionRequest;
import dev.channelhub.aftersales.ServiceCaseCommentRequest;
import dev.channelhub.aftersales.ServiceCaseCommentView;
import dev.channelhub.aftersales.ServiceCaseFilter;
import dev.channelhub.aftersales.ServiceCaseService;
import dev.channelhub.aftersales.ServiceCaseStatus;
import dev.channelhub.aftersales.ServiceCaseTransitionRequest;
import dev.channelhub.aftersales.ServiceCaseView;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.customer.CustomerService;
import dev.channelhub.customer.CustomerView;
import dev.channelhub.order.OrderAfterSales;
import dev.channelhub.order.OrderView;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.UUID;

@GraphQLApi
@CodedErrors
public class ServiceCaseGraphQL {

    private final ServiceCaseService service;
    private final CustomerService customers;
    private final ChannelService channels;
    private final OrderAfterSales orders;
    private final CurrentCaller caller;

    public ServiceCaseGraphQL(ServiceCaseService service, CustomerService customers, ChannelService channels, OrderAfterSales orders,
                              CurrentCaller caller) {
        this.service = service;
        this.customers = customers;
        this.channels = channels;
        this.orders = orders;
        this.caller = caller;
    }

    @Query("serviceCase")
    @Description("A service case; partners only cases assigned to their channel")
    public Uni<ServiceCaseView> serviceCase(@NonNull @Id String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "service case"));
    }

    @Query("serviceCases")
    @Description("Service cases in creation order; partners see those assigned to their channel")
    public Uni<@NonNull ServiceCaseConnection> serviceCases(ServiceCaseStatus status, @Id String assignedChannelId, @Id String customerId,
                                                            Boolean overdue, Integer first, String after) {
        ServiceCaseFilter filter = new ServiceCaseFilter(status, Ids.parseNullable(assignedChannelId, "assignedChannelId"),
                Ids.parseNullable(customerId, "customerId"), overdue);
        return service.list(caller.get(), filter, PageRequest.of(first, after, "first", "after")).map(ServiceCaseConnection::of);
    }

    @Mutation("openServiceCase")
    @Description("Opens a case routed to the serving channel: the order's, else the customer's owner channel, else channelId")
    public Uni<ServiceCaseView> openServiceCase(@NonNull OpenServiceCaseRequest input, String idempotencyKey) {
        return service.open(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("transitionServiceCase")
    public Uni<ServiceCaseView> transitionServiceCase(@NonNull @Id String id, @NonNull ServiceCaseTransitionRequest input) {
        return service.transition(caller.get(), Ids.parseOrNotFound(id, "service case"), input);
    }

    @Mutation("commentServiceCase")
    public Uni<ServiceCaseCommentView> commentServiceCase(@NonNull @Id String id, @NonNull ServiceCaseCommentRequest input) {
        return service.comment(caller.get(), Ids.parseOrNotFound(id, "service case"), input);
    }

    @Mutation("reassignServiceCase")
    @Description("Managers and admins hand the case to another channel")
    public Uni<ServiceCaseView> reassignServiceCase(@NonNull @Id String id, @NonNull ReassignServiceCaseRequest input) {
        return service.reassign(caller.get(), Ids.parseOrNotFound(id, "service case"), input);
    }

    @Mutation("rateServiceCase")
    @Description("One satisfaction score 1-5 once the case is RESOLVED or CLOSED")
    public Uni<ServiceCaseView> rateServiceCase(@NonNull @Id String id, @NonNull SatisfactionRequest input) {
        return service.rate(caller.get(), Ids.parseOrNotFound(id, "service case"), input);
    }

    // ---- batched fields: one statement per field for a whole page

    @Name("customer")
    public Uni<List<CustomerView>> customer(@Source List<ServiceCaseView> list) {
        return customers.byIds(caller.get(), list.stream().map(c -> c.customerId() == null ? null : UUID.fromString(c.customerId())).toList());
    }

    @Name("order")
    public Uni<List<OrderView>> order(@Source List<ServiceCaseView> list) {
        return orders.byIds(caller.get(), list.stream().map(c -> c.orderId() == null ? null : UUID.fromString(c.orderId())).toList());
    }

    @Name("assignedChannel")
    public Uni<List<ChannelView>> assignedChannel(@Source List<ServiceCaseView> list) {
        return channels.byIds(caller.get(), list.stream().map(c -> UUID.fromString(c.assignedChannelId())).toList());
    }

    @Name("comments")
    public Uni<List<@NonNull List<@NonNull ServiceCaseCommentView>>> comments(@Source List<ServiceCaseView> list) {
        return service.commentsOf(caller.get(), list);
    }

    @Name("timeline")
    public Uni<AfterSalesEventConnection> timeline(@Source ServiceCaseView c, Integer first, String after) {
        return service.timeline(caller.get(), c.uuid(), PageRequest.of(first, after, "first", "after")).map(AfterSalesEventConnection::of);
    }

    @Name("serviceCases")
    @Description("The customer's service cases, newest first (partners: those assigned to their channel)")
    public Uni<List<@NonNull List<@NonNull ServiceCaseView>>> customerServiceCases(@Source List<CustomerView> list) {
        return service.ofCustomers(caller.get(), list.stream().map(CustomerView::uuid).toList());
    }
}
