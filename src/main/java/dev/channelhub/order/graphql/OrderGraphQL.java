package dev.channelhub.order.graphql;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.customer.CustomerService;
import dev.channelhub.customer.CustomerView;
import dev.channelhub.inventory.ReservationView;
import dev.channelhub.order.CancelOrderRequest;
import dev.channelhub.order.OrderLineView;
import dev.channelhub.order.OrderRepository.Filter;
import dev.channelhub.order.OrderFulfilmentService;
import dev.channelhub.order.OrderPaymentService;
import dev.channelhub.order.OrderPlacementService;
import dev.channelhub.order.OrderQueryService;
import dev.channelhub.order.OrderStatus;
import dev.channelhub.order.OrderView;
import dev.channelhub.order.PaymentRequest;
import dev.channelhub.order.PaymentStatus;
import dev.channelhub.order.PaymentView;
import dev.channelhub.order.PlaceOrderRequest;
import dev.channelhub.order.ReceivablesView;
import dev.channelhub.order.ShipmentRequest;
import dev.channelhub.order.ShipmentView;
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
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@GraphQLApi
@CodedErrors
public class OrderGraphQL {

    @Inject
    OrderPlacementService placement;

    @Inject
    OrderFulfilmentService fulfilment;

    @Inject
    OrderPaymentService payments;

    @Inject
    OrderQueryService queries;

    @Inject
    ChannelService channels;

    @Inject
    CustomerService customers;

    @Inject
    CurrentCaller caller;

    @Inject
    ArgumentBatches batches;

    @Query("order")
    public Uni<OrderView> order(@NonNull @Id String id) {
        return queries.get(caller.get(), Ids.parseOrNotFound(id, "order"));
    }

    @Query("orders")
    @Description("Orders in id (creation) order; partners see their own channel's only")
    public Uni<OrderConnection> orders(@Id String channelId, @Id String customerId, OrderStatus status, PaymentStatus paymentStatus,
                                       Instant from, Instant to, Integer first, String after) {
        Filter filter = new Filter(Ids.parseNullable(channelId, "channelId"), Ids.parseNullable(customerId, "customerId"), status,
                paymentStatus, from, to);
        return queries.list(caller.get(), filter, PageRequest.of(first, after, "first", "after"), false).map(OrderConnection::of);
    }

    @Query("channelReceivables")
    public Uni<ReceivablesView> channelReceivables(@NonNull @Id String channelId) {
        return payments.receivables(caller.get(), Ids.parseOrNotFound(channelId, "channel"));
    }

    @Mutation("placeOrder")
    public Uni<OrderView> placeOrder(@NonNull PlaceOrderRequest input, String idempotencyKey) {
        return placement.place(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("confirmOrder")
    public Uni<OrderView> confirmOrder(@NonNull @Id String id, Integer version) {
        return fulfilment.confirm(caller.get(), Ids.parseOrNotFound(id, "order"), version);
    }

    @Mutation("cancelOrder")
    public Uni<OrderView> cancelOrder(@NonNull @Id String id, @NonNull String reason, Integer version) {
        return fulfilment.cancel(caller.get(), Ids.parseOrNotFound(id, "order"), new CancelOrderRequest(reason), version);
    }

    @Mutation("shipOrder")
    public Uni<ShipmentView> shipOrder(@NonNull @Id String id, @NonNull ShipmentRequest input, String idempotencyKey, Integer version) {
        return fulfilment.ship(caller.get(), Ids.parseOrNotFound(id, "order"), input, idempotencyKey, version).map(Outcome::body);
    }

    @Mutation("deliverShipment")
    public Uni<OrderView> deliverShipment(@NonNull @Id String orderId, @NonNull @Id String shipmentId, Integer version) {
        return fulfilment.deliver(caller.get(), Ids.parseOrNotFound(orderId, "order"), Ids.parseOrNotFound(shipmentId, "shipment"), version);
    }

    @Mutation("recordPayment")
    public Uni<PaymentView> recordPayment(@NonNull @Id String id, @NonNull PaymentRequest input, String idempotencyKey, Integer version) {
        return payments.pay(caller.get(), Ids.parseOrNotFound(id, "order"), input, idempotencyKey, version).map(Outcome::body);
    }

    // ---- batched fields of Order: one statement per field for a whole page

    @Name("lines")
    public Uni<List<@NonNull List<@NonNull OrderLineView>>> lines(@Source List<OrderView> orders) {
        return queries.linesOf(caller.get(), orders);
    }

    @Name("reservations")
    @Description("What the order still has reserved, per location")
    public Uni<List<@NonNull List<@NonNull ReservationView>>> reservations(@Source List<OrderView> orders) {
        return queries.reservationsOf(caller.get(), orders);
    }

    @Name("shipments")
    public Uni<List<@NonNull List<@NonNull ShipmentView>>> shipments(@Source List<OrderView> orders) {
        return queries.shipmentsOf(caller.get(), orders);
    }

    @Name("payments")
    public Uni<List<@NonNull List<@NonNull PaymentView>>> payments(@Source List<OrderView> orders) {
        return queries.paymentsOf(caller.get(), orders);
    }

    @Name("channel")
    public Uni<List<ChannelView>> channel(@Source List<OrderView> orders) {
        return channels.byIds(caller.get(), orders.stream().map(o -> UUID.fromString(o.channelId())).toList());
    }

    @Name("customer")
    public Uni<List<CustomerView>> customer(@Source List<OrderView> orders) {
        return customers.byIds(caller.get(), orders.stream().map(o -> o.customerId() == null ? null : UUID.fromString(o.customerId())).toList());
    }

    @Name("timeline")
    @Description("Every event of the order with time, actor and details")
    public Uni<OrderEventConnection> timeline(@Source OrderView order, Integer first, String after) {
        return queries.timeline(caller.get(), order.uuid(), PageRequest.of(first, after, "first", "after")).map(OrderEventConnection::of);
    }

    // ---- Customer.orders (the customer feature's type), batched over customers

    @Name("orders")
    @Description("The customer's orders, newest first")
    public Uni<@NonNull OrderConnection> customerOrders(@Source CustomerView customer, Integer first, String after) {
        ArgumentBatches.PageArgs args = new ArgumentBatches.PageArgs(caller.get(), PageRequest.of(first, after, "first", "after"));
        return batches.load("Customer.orders", args, customer, (a, list) -> queries.ofCustomers(a.caller(),
                        list.stream().map(CustomerView::uuid).toList(), a.page())
                .map(pages -> pages.stream().map(OrderConnection::of).toList()));
    }
}
