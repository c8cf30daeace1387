package dev.channelhub.order;

import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.ChannelView;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.order.OrderRepository.Event;
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
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payments and receivables: recording a payment (which may complete a delivered order) and a channel's receivables
 * against its credit ({@link CreditRule}).
 */
@ApplicationScoped
public class OrderPaymentService {

    private final OrderRepository orders;
    private final OrderAccess access;
    private final ChannelService channels;
    private final Db db;
    private final IdempotencyService idempotency;
    private final RequestValidator validator;
    private final EventOutbox outbox;
    private final int paymentTermDays;
    private final BusinessMetrics metrics;
    private final Instance<PaymentBalanceDraw> balanceDraws;

    public OrderPaymentService(OrderRepository orders, OrderAccess access, ChannelService channels, Db db, IdempotencyService idempotency,
                               RequestValidator validator, EventOutbox outbox,
                               OrderConfig config, BusinessMetrics metrics, @Any Instance<PaymentBalanceDraw> balanceDraws) {
        this.metrics = metrics;
        this.balanceDraws = balanceDraws;
        this.orders = orders;
        this.access = access;
        this.channels = channels;
        this.db = db;
        this.idempotency = idempotency;
        this.validator = validator;
        this.outbox = outbox;
        this.paymentTermDays = config.paymentTermDays();
    }

    public Uni<Outcome<PaymentView>> pay(Caller caller, UUID id, PaymentRequest request, String idempotencyKey, Integer expectedVersion) {
        return Uni.createFrom().deferred(() -> {
            if (caller.isPartnerOnly()) {
                return access.partnerMayNot(caller, id);
            }
            caller.require(Role.SALES, Role.INTEGRATION);
            validator.check(request);
            return idempotency.run(caller, idempotencyKey, "POST /orders/" + id + "/payments", request, PaymentView.class,
                    () -> db.inTransaction(tx -> recordIn(tx, caller, id, request, expectedVersion))
                            .invoke(metrics::paymentRecorded).map(Outcome::created)); // counted once committed
        });
    }

    /**
     * The payment rules, in the caller's transaction: the order row locked and visible to {@code caller}, payable in its
     * state, no more decimals than its currency, at most the outstanding amount (OVERPAYMENT); then the payment row, the
     * order's paid amount and status, its timeline and {@code order.paid} (and {@code order.completed}). Used by
     * {@link #pay} and by accepting a payment proof ({@link PaymentProofService}), so both follow the same rules.
     */
    Uni<PaymentView> recordIn(SqlClient tx, Caller caller, UUID id, PaymentRequest request, Integer expectedVersion) {
        return access.lockVisible(tx, caller, id, expectedVersion).flatMap(o -> {
                        if (!OrderLifecycle.canPay(o.status())) {
                            throw OrderAccess.invalidTransition(o, "paid");
                        }
                        String cur = o.currency();
                        if (request.amount().stripTrailingZeros().scale() > Money.scale(cur)) {
                            throw ApiException.invalid("amount", "has more decimals than " + cur + " allows");
                        }
                        BigDecimal amount = Money.round(request.amount(), cur);
                        if (amount.compareTo(o.outstanding()) > 0) {
                            throw new ApiException(ErrorCode.OVERPAYMENT, "payment " + amount + " is more than the outstanding " + o.outstanding()
                                    + " " + cur, List.of(new FieldError("amount", "at most " + o.outstanding())));
                        }
                        BigDecimal paid = o.paidAmount().add(amount);
                        // After returns the order is measured against its net total, with refunds taken off what was paid.
                        PaymentStatus payment = OrderLifecycle.paymentStatus(o.netTotal(), paid.subtract(o.refundedTotal()));
                        OrderStatus next = OrderLifecycle.settle(o.status(), payment);
                        UUID paymentId = Ids.newId();
                        Instant now = OrderAccess.now();
                        Instant received = request.receivedAt() == null ? now : request.receivedAt().truncatedTo(ChronoUnit.MICROS);
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("paymentId", paymentId.toString());
                        details.put("amount", amount);
                        details.put("method", request.method());
                        details.put("reference", request.reference());
                        details.put("paymentStatus", payment.name());
                        List<Event> events = new ArrayList<>(List.of(new Event("PAID", details)));
                        if (next == OrderStatus.COMPLETED) {
                            events.add(new Event("COMPLETED", Map.of()));
                        }
                        return drawBalance(tx, caller, o, request.method(), amount, paymentId, now)
                                .chain(() -> orders.insertPayment(tx, caller.tenant(), id, paymentId, request, received, caller.subject(), now))
                                .flatMap(x -> orders.update(tx, caller.tenant(), id, next, payment, amount, null, now, caller.subject(), events))
                                .call(u -> outbox.append(tx, caller, "order.paid", "order", id, UUID.fromString(u.channelId()),
                                        Map.of("order", OrderAccess.summary(u), "payment", details)))
                                .call(u -> u.status() == OrderStatus.COMPLETED
                                        ? outbox.append(tx, caller, "order.completed", "order", id, UUID.fromString(u.channelId()), OrderAccess.summary(u))
                                        : Uni.createFrom().voidItem())
                                .map(u -> new PaymentView(paymentId.toString(), id.toString(), amount, cur, request.method(),
                                        request.reference(), received, now, u.paymentStatus(), u.status(), u.outstanding()));
        });
    }

    /** A method paid from a stored balance (REBATE) draws it in this transaction; other methods draw nothing. */
    private Uni<Void> drawBalance(io.vertx.mutiny.sqlclient.SqlClient tx, Caller caller, OrderView o, String method, BigDecimal amount,
                                  UUID paymentId, Instant now) {
        for (PaymentBalanceDraw d : balanceDraws) {
            if (d.method().equals(method)) {
                return d.draw(tx, caller, UUID.fromString(o.channelId()), o.currency(), amount, UUID.fromString(o.id()), paymentId, now);
            }
        }
        return Uni.createFrom().voidItem();
    }

    public Uni<ReceivablesView> receivables(Caller caller, UUID channelId) {
        return Uni.createFrom().deferred(() -> {
            OrderAccess.requireReader(caller);
            if (caller.isPartnerOnly() && !channelId.equals(caller.partnerChannelId())) {
                throw ApiException.notFound("channel", channelId);
            }
            return channels.find(db.pool(), caller.tenant(), channelId)
                    .map(found -> found.orElseThrow(() -> ApiException.notFound("channel", channelId)))
                    .flatMap(ch -> orders.receivableBuckets(db.pool(), caller.tenant(), channelId, paymentTermDays)
                            .flatMap(rows -> orders.exposure(db.pool(), caller.tenant(), channelId, ch.currency())
                                    .map(exposure -> receivablesView(ch, rows, exposure))));
        });
    }

    private ReceivablesView receivablesView(ChannelView ch, List<Row> rows, CreditExposure exposure) {
        String cur = ch.currency();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (String label : List.of("CURRENT", "1-30", "31-60", "61-90", "90+")) {
            counts.put(label, new long[1]);
            amounts.put(label, BigDecimal.ZERO);
        }
        for (Row r : rows) {
            if (!cur.equals(r.getString("currency"))) {
                continue;
            }
            String label = r.getString("bucket");
            counts.get(label)[0] += r.getLong("orders");
            amounts.merge(label, r.getBigDecimal("amount"), BigDecimal::add);
        }
        BigDecimal outstanding = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal overdue = outstanding.subtract(amounts.get("CURRENT"));
        long open = counts.values().stream().mapToLong(c -> c[0]).sum();
        List<ReceivablesView.Bucket> buckets = counts.keySet().stream()
                .map(l -> new ReceivablesView.Bucket(l, counts.get(l)[0], Money.round(amounts.get(l), cur))).toList();
        BigDecimal limit = ch.creditLimit();
        List<String> others = exposure.otherCurrencies() == null ? List.of() : List.of(exposure.otherCurrencies().split(","));
        BigDecimal available = CreditRule.available(limit, outstanding, exposure.held(), others);
        return new ReceivablesView(ch.id(), cur, limit, available == null ? null : Money.round(available, cur),
                Money.round(outstanding, cur), Money.round(overdue, cur), open, paymentTermDays, buckets,
                Money.round(exposure.held(), cur), others);
    }
}
