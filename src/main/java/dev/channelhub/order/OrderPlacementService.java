package dev.channelhub.order;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelStatus;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.customer.CustomerService;
import dev.channelhub.customer.CustomerStatus;
import dev.channelhub.customer.CustomerView;
import dev.channelhub.customer.IdentifyRequest;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.inventory.HoldService;
import dev.channelhub.inventory.Replan;
import dev.channelhub.inventory.ReservationView;
import dev.channelhub.inventory.StockLine;
import dev.channelhub.inventory.StockService;
import dev.channelhub.order.OrderRepository.Event;
import dev.channelhub.pricing.PriceService;
import dev.channelhub.pricing.PricedOrder;
import dev.channelhub.pricing.QuoteLineRequest;
import dev.channelhub.pricing.QuoteLineView;
import dev.channelhub.pricing.QuoteRequest;
import dev.channelhub.pricing.QuoteView;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.metrics.BusinessMetrics;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import dev.channelhub.training.CourseService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Placing an order, in one transaction: channel (locked for partners with a credit limit), customer (identify), hold,
 * prices (locked on the lines), credit ({@link ChannelCredit}), stock reservation ({@code inventory/StockAllocator}), the
 * order rows, the outbox event and every {@link OrderPlacedHook}.
 */
@ApplicationScoped
public class OrderPlacementService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OrderPlacementService.class);
    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final OrderRepository orders;
    private final OrderAccess access;
    private final StockService stock;
    private final HoldService holds;
    private final ChannelService channels;
    private final CustomerService customers;
    private final PriceService prices;
    private final Db db;
    private final ChannelCredit credit;
    private final IdempotencyService idempotency;
    private final RequestValidator validator;
    private final EventOutbox outbox;
    private final Instance<OrderPlacedHook> hooks;
    private final BusinessMetrics metrics;
    private final CourseService certifications;
    /** {@link OrderConfig#testHoldBeforeTransaction()}; null (always, outside DrainIT): the placement has no extra step. */
    private final java.time.Duration holdBeforeTransaction;

    public OrderPlacementService(OrderRepository orders, OrderAccess access, StockService stock, HoldService holds,
                                 ChannelService channels, CustomerService customers, PriceService prices, Db db, ChannelCredit credit,
                                 IdempotencyService idempotency, RequestValidator validator, EventOutbox outbox,
                                 @Any Instance<OrderPlacedHook> hooks, BusinessMetrics metrics, CourseService certifications,
                                 OrderConfig config) {
        this.metrics = metrics;
        this.holdBeforeTransaction = config.testHoldBeforeTransaction().filter(d -> !d.isZero() && !d.isNegative()).orElse(null);
        this.orders = orders;
        this.access = access;
        this.stock = stock;
        this.holds = holds;
        this.channels = channels;
        this.customers = customers;
        this.prices = prices;
        this.db = db;
        this.credit = credit;
        this.idempotency = idempotency;
        this.validator = validator;
        this.outbox = outbox;
        this.hooks = hooks;
        this.certifications = certifications;
    }

    public Uni<Outcome<OrderView>> place(Caller caller, PlaceOrderRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.SALES, Role.INTEGRATION, Role.PARTNER);
            validator.check(request);
            UUID channelId = Ids.parse(request.channelId(), "channelId");
            if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
                throw ApiException.forbidden("a partner places orders only for its own channel");
            }
            if (request.customerId() != null && request.customer() != null) {
                throw ApiException.invalid("customer", "give customerId or customer, not both");
            }
            UUID customerId = Ids.parseNullable(request.customerId(), "customerId");
            UUID holdId = Ids.parseNullable(request.holdId(), "holdId");
            String currency = request.currency() == null ? null : Money.currency(request.currency(), "currency");
            List<StockLine> lines = OrderAccess.distinctLines(request.lines());
            String tenant = caller.tenant();
            // The answer is stored in the order's own transaction (completion), so order and answer commit together.
            return idempotency.runRecording(caller, idempotencyKey, "POST /orders", request, OrderView.class, completion -> {
                BiFunction<String, Boolean, Uni<Outcome<OrderView>>> placeTx = (number, planned) -> db.inTransaction(tx ->
                        placeIn(tx, caller, request, channelId, customerId, holdId, currency, lines, number, idempotencyKey, planned)
                                .flatMap(view -> completion.record(tx, Outcome.created(view))))
                        .invoke(metrics::orderPlaced); // committed
                Uni<String> numbered = nextNumber(tenant);
                if (holdBeforeTransaction != null) {
                    numbered = numbered.call(this::heldBeforeTransaction);
                }
                return numbered
                        // First with the cheaper planned reservation; if stock moved under it, again with every row locked.
                        .flatMap(number -> placeTx.apply(number, true)
                                .onFailure(Replan.class).recoverWithUni(() -> placeTx.apply(number, false)))
                        .onFailure(OrderPlacementService::isIdempotencyDuplicate)
                        .recoverWithUni(() -> orders.findByIdempotencyKey(db.pool(), tenant, IdempotencyService.scopeOf(caller), idempotencyKey)
                                .flatMap(found -> access.complete(db.pool(), tenant, found.orElseThrow()))
                                .map(Outcome::created));
            });
        });
    }

    private Uni<Void> heldBeforeTransaction(String number) {
        LOG.infof("order placement %s held for %s before its transaction (channelhub.orders.test-hold-before-transaction)", number,
                holdBeforeTransaction);
        return Uni.createFrom().voidItem().onItem().delayIt().by(holdBeforeTransaction);
    }

    private Uni<String> nextNumber(String tenant) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        return orders.nextNumber(tenant, day).map(n -> String.format("SO-%s-%06d", day.format(NUMBER_DAY), n));
    }

    private Uni<OrderView> placeIn(SqlClient tx, Caller caller, PlaceOrderRequest request, UUID channelId, UUID customerId, UUID holdId,
                                   String currency, List<StockLine> lines, String number, String idempotencyKey,
                                   boolean plannedReservation) {
        String tenant = caller.tenant();
        UUID orderId = Ids.newId();
        Instant now = OrderAccess.now();
        List<Event> events = new ArrayList<>();
        return orderingChannel(tx, tenant, channelId)
                .invoke(channel -> CreditRule.requireOwnCurrency(channel, currency))
                .flatMap(channel -> resolveCustomer(tx, caller, request, channelId, customerId)
                        .flatMap(customer -> {
                            Uni<Void> hold = holdId == null ? Uni.createFrom().voidItem()
                                    : holds.consume(tx, tenant, caller.subject(), holdId, channelId, orderId)
                                    .invoke(() -> events.add(new Event("HOLD_CONSUMED", Map.of("holdId", holdId.toString()))));
                            return hold.flatMap(x -> prices.quoteForOrder(tx, caller, new QuoteRequest(channelId.toString(),
                                            customer == null ? null : customer.toString(), currency, null,
                                            lines.stream().map(l -> new QuoteLineRequest(l.sku(), (int) l.quantity())).toList())))
                                    // Certification gate (partner channels, SKUs that require a course): the quote's statement
                                    // read the requirement; only when a line has one does the check cost a statement.
                                    .call(priced -> certifications.requireCertified(tx, tenant, channel, priced.requiredCourses(), now))
                                    .map(PricedOrder::quote)
                                    // The credit check runs here, inside the placement's transaction, with the channel row locked.
                                    .flatMap(quote -> credit.check(tx, tenant, channel, quote.total(), "this order").replaceWith(quote))
                                    .flatMap(quote -> (plannedReservation
                                            ? stock.reservePlanned(tx, tenant, caller.subject(), channelId, StockService.OWNER_ORDER,
                                            orderId, lines, "lines")
                                            : stock.reserve(tx, tenant, caller.subject(), channelId, StockService.OWNER_ORDER, orderId,
                                            lines, "lines"))
                                            .map(reserved -> placedView(orderId, number, channelId, customer, quote, reserved, request,
                                                    holdId, now)))
                                    .call(view -> {
                                        events.add(0, new Event("PLACED", Map.of("number", number, "total", view.total(),
                                                "currency", view.currency(), "lines", view.lines())));
                                        events.add(new Event("RESERVED", Map.of("reservations", view.reservations())));
                                        return orders.insert(tx, tenant, view, customer, IdempotencyService.scopeOf(caller), idempotencyKey,
                                                caller.subject(), events);
                                    })
                                    .call(view -> outbox.append(tx, caller, "order.placed", "order", orderId, channelId, view))
                                    .call(view -> customers.seenThroughOrder(tx, tenant, customer, channelId))
                                    .call(view -> runHooks(tx, caller, view));
                        }));
    }

    /** The channel, if it exists and is ACTIVE; partner channels with a credit limit are locked for the credit check. */
    private Uni<ChannelView> orderingChannel(SqlClient tx, String tenant, UUID channelId) {
        return channels.find(tx, tenant, channelId).flatMap(found -> {
            ChannelView ch = found.orElseThrow(() -> ApiException.invalid("channelId", "no such channel"));
            Uni<ChannelView> current = ch.type().isPartner() && ch.creditLimit() != null
                    ? channels.lockForUpdate(tx, tenant, channelId) : Uni.createFrom().item(ch);
            return current.map(c -> {
                if (c.status() != ChannelStatus.ACTIVE) {
                    throw new ApiException(ErrorCode.INVALID_TRANSITION,
                            "channel " + c.code() + " is " + c.status() + "; only ACTIVE channels can order");
                }
                return c;
            });
        });
    }

    private Uni<UUID> resolveCustomer(SqlClient tx, Caller caller, PlaceOrderRequest request, UUID channelId, UUID customerId) {
        if (request.customer() != null) {
            return customers.identify(tx, caller, new IdentifyRequest(channelId.toString(), request.customer().name(), null, null,
                            request.customer().identities()))
                    .onFailure(ApiException.class).transform(e -> prefixFields((ApiException) e, "customer."))
                    .map(result -> result.customer().uuid());
        }
        if (customerId == null) {
            return Uni.createFrom().nullItem();
        }
        Uni<Optional<CustomerView>> found = caller.isPartnerOnly()
                ? customers.get(caller, customerId).map(Optional::of)
                .onFailure(e -> e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND).recoverWithItem(Optional.empty())
                : customers.find(tx, caller.tenant(), customerId);
        return found.map(c -> {
            CustomerView view = c.orElseThrow(() -> ApiException.invalid("customerId", "no such customer"));
            // An order for a merged customer goes to the customer it was merged into.
            return view.status() == CustomerStatus.MERGED && view.mergedInto() != null ? UUID.fromString(view.mergedInto()) : view.uuid();
        });
    }

    private static ApiException prefixFields(ApiException e, String prefix) {
        if (e.errors().isEmpty()) {
            return e;
        }
        return new ApiException(e.code(), e.getMessage(), e.errors().stream()
                .map(f -> new FieldError(prefix + f.field(), f.message())).toList());
    }

    private static OrderView placedView(UUID id, String number, UUID channelId, UUID customerId, QuoteView quote, List<ReservationView> reserved,
                                        PlaceOrderRequest request, UUID holdId, Instant now) {
        String cur = quote.currency();
        List<OrderLineView> lines = new ArrayList<>();
        for (QuoteLineView q : quote.lines()) {
            lines.add(new OrderLineView(q.sku(), q.quantity(), Money.round(q.listPrice(), cur), Money.round(q.unitPrice(), cur),
                    Money.round(q.lineTotal(), cur), q.priceListCode(), q.promotionCode(), q.floorApplied(), 0, 0));
        }
        BigDecimal total = Money.round(quote.total(), cur);
        BigDecimal zero = Money.round(BigDecimal.ZERO, cur);
        return new OrderView(id.toString(), number, channelId.toString(), customerId == null ? null : customerId.toString(),
                OrderStatus.SUBMITTED, OrderLifecycle.paymentStatus(total, BigDecimal.ZERO), lines, total, zero, total, zero, zero, total, cur, reserved,
                request.shippingAddress(), request.note(), request.externalRef(), holdId == null ? null : holdId.toString(), null, 1, now, now,
                List.of());
    }

    private Uni<Void> runHooks(SqlClient tx, Caller caller, OrderView view) {
        OrderPlacedHook.PlacedOrder placed = new OrderPlacedHook.PlacedOrder(view.uuid(), view.number(), UUID.fromString(view.channelId()),
                view.customerId() == null ? null : UUID.fromString(view.customerId()), view.total(), view.currency());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrderPlacedHook hook : hooks) {
            chain = chain.flatMap(x -> hook.onPlaced(tx, caller, placed));
        }
        return chain;
    }

    private static boolean isIdempotencyDuplicate(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())
                    && "sales_order_idempotency_unique".equals(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }
}
