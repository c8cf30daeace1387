package dev.channelhub.aftersales.graphql;

import dev.channelhub.aftersales.CreateReturnRequest;
import dev.channelhub.aftersales.ReceiveReturnRequest;
import dev.channelhub.aftersales.RefundReturnRequest;
import dev.channelhub.aftersales.RejectReturnRequest;
import dev.channelhub.aftersales.ReturnFilter;
import dev.channelhub.aftersales.ReturnService;
import dev.channelhub.aftersales.ReturnStatus;
import dev.channelhub.aftersales.ReturnView;
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
public class ReturnGraphQL {

    private final ReturnService service;
    private final OrderAfterSales orders;
    private final CurrentCaller caller;

    public ReturnGraphQL(ReturnService service, OrderAfterSales orders, CurrentCaller caller) {
        this.service = service;
        this.orders = orders;
        this.caller = caller;
    }

    @Query("return")
    @Description("A return (RMA) with its lines; partners only their own channel's")
    public Uni<ReturnView> returnById(@NonNull @Id String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "return"));
    }

    @Query("returns")
    @Description("Returns in creation order; partners see their own channel's only")
    public Uni<@NonNull ReturnConnection> returns(ReturnStatus status, @Id String channelId, @Id String orderId, Integer first, String after) {
        ReturnFilter filter = new ReturnFilter(status, Ids.parseNullable(channelId, "channelId"),
                Ids.parseNullable(orderId, "orderId"));
        return service.list(caller.get(), filter, PageRequest.of(first, after, "first", "after")).map(ReturnConnection::of);
    }

    @Mutation("requestReturn")
    @Description("Opens a return for shipped units of an order (RETURN_QUANTITY_EXCEEDED, RETURN_WINDOW_CLOSED)")
    public Uni<ReturnView> requestReturn(@NonNull CreateReturnRequest input, String idempotencyKey) {
        return service.request(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("approveReturn")
    public Uni<ReturnView> approveReturn(@NonNull @Id String id) {
        return service.approve(caller.get(), Ids.parseOrNotFound(id, "return"));
    }

    @Mutation("rejectReturn")
    public Uni<ReturnView> rejectReturn(@NonNull @Id String id, @NonNull RejectReturnRequest input) {
        return service.reject(caller.get(), Ids.parseOrNotFound(id, "return"), input);
    }

    @Mutation("receiveReturn")
    @Description("Receives the goods at a location: RESTOCK adds to on hand (ledger kind RETURN), SCRAP moves no stock")
    public Uni<ReturnView> receiveReturn(@NonNull @Id String id, @NonNull ReceiveReturnRequest input) {
        return service.receive(caller.get(), Ids.parseOrNotFound(id, "return"), input);
    }

    @Mutation("refundReturn")
    @Description("Refunds up to what was paid, the rest as a credit note on the order (REFUND_EXCEEDS_PAID)")
    public Uni<ReturnView> refundReturn(@NonNull @Id String id, @NonNull RefundReturnRequest input) {
        return service.refund(caller.get(), Ids.parseOrNotFound(id, "return"), input);
    }

    // ---- batched fields

    @Name("returns")
    @Description("The order's returns with their lines")
    public Uni<List<@NonNull List<@NonNull ReturnView>>> orderReturns(@Source List<OrderView> list) {
        return service.ofOrders(caller.get(), list.stream().map(OrderView::uuid).toList());
    }

    @Name("order")
    public Uni<List<OrderView>> order(@Source List<ReturnView> list) {
        return orders.byIds(caller.get(), list.stream().map(r -> UUID.fromString(r.orderId())).toList());
    }

    @Name("timeline")
    @Description("Every step of the return with time, actor and details")
    public Uni<AfterSalesEventConnection> timeline(@Source ReturnView r, Integer first, String after) {
        return service.timeline(caller.get(), r.uuid(), PageRequest.of(first, after, "first", "after")).map(AfterSalesEventConnection::of);
    }
}
