package dev.channelhub.order;

import dev.channelhub.events.EventOutbox;
import dev.channelhub.order.OrderRepository.Event;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.shared.validation.RequestValidator;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Partner self-service payment proofs (API-CONTRACT-2 §9): the partner of the ordering channel (or sales, a manager)
 * submits one; finance (manager, admin, integration) accepts it, which records the payment through
 * {@link OrderPaymentService#recordIn} (the rules of {@code POST /orders/{id}/payments}) in the same transaction, or
 * rejects it. Each step is on the order's timeline and emits {@code paymentProof.*}.
 */
@ApplicationScoped
public class PaymentProofService {

    private final PaymentProofRepository proofs;
    private final OrderRepository orders;
    private final OrderAccess access;
    private final OrderPaymentService payments;
    private final IdempotencyService idempotency;
    private final RequestValidator validator;
    private final EventOutbox outbox;
    private final Db db;

    public PaymentProofService(PaymentProofRepository proofs, OrderRepository orders, OrderAccess access, OrderPaymentService payments,
                               IdempotencyService idempotency, RequestValidator validator, EventOutbox outbox, Db db) {
        this.proofs = proofs;
        this.orders = orders;
        this.access = access;
        this.payments = payments;
        this.idempotency = idempotency;
        this.validator = validator;
        this.outbox = outbox;
        this.db = db;
    }

    public Uni<Outcome<PaymentProofView>> submit(Caller caller, UUID orderId, SubmitPaymentProofRequest request, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.SALES, Role.MANAGER, Role.PARTNER);
            validator.check(request);
            return idempotency.runRecording(caller, idempotencyKey, "POST /orders/" + orderId + "/payment-proofs", request,
                    PaymentProofView.class, completion -> db.inTransaction(tx -> access.lockVisible(tx, caller, orderId, null).flatMap(o -> {
                        if (!OrderLifecycle.canPay(o.status())) {
                            throw OrderAccess.invalidTransition(o, "paid");
                        }
                        String cur = o.currency();
                        if (request.amount().stripTrailingZeros().scale() > Money.scale(cur)) {
                            throw ApiException.invalid("amount", "has more decimals than " + cur + " allows");
                        }
                        BigDecimal amount = Money.round(request.amount(), cur);
                        if (amount.compareTo(o.outstanding()) > 0) {
                            throw new ApiException(ErrorCode.OVERPAYMENT, "proof of " + amount + " is more than the outstanding "
                                    + o.outstanding() + " " + cur, List.of(new FieldError("amount", "at most " + o.outstanding())));
                        }
                        Instant now = OrderAccess.now();
                        PaymentProofView proof = new PaymentProofView(Ids.newId().toString(), o.id(), o.channelId(), amount, cur,
                                request.method(), request.reference(), request.attachmentUrl(), PaymentProofStatus.SUBMITTED, null, null,
                                caller.subject(), now, null, null, 1);
                        return proofs.insert(tx, caller.tenant(), proof)
                                .call(x -> step(tx, caller, proof, "PAYMENT_PROOF_SUBMITTED", "paymentProof.submitted", now))
                                .replaceWith(proof)
                                .flatMap(v -> completion.record(tx, Outcome.created(v)));
                    })));
        });
    }

    /**
     * Accepts a submitted proof: records its payment (same rules as {@code POST /orders/{id}/payments}: OVERPAYMENT,
     * INVALID_TRANSITION...) and marks it ACCEPTED, in one transaction under the proof's row lock. Accepting an accepted
     * proof answers it again and records nothing; a rejected one is 409 INVALID_TRANSITION.
     */
    public Uni<PaymentProofView> accept(Caller caller, UUID id) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.INTEGRATION);
            return db.inTransaction(tx -> lock(tx, caller, id).flatMap(p -> {
                if (p.status() == PaymentProofStatus.ACCEPTED) {
                    return Uni.createFrom().item(p);
                }
                requireSubmitted(p, "accepted");
                UUID orderId = UUID.fromString(p.orderId());
                return payments.recordIn(tx, caller, orderId, new PaymentRequest(p.amount(), p.method(), p.reference(), null), null)
                        .flatMap(payment -> proofs.decide(tx, caller.tenant(), id, PaymentProofStatus.ACCEPTED, null,
                                UUID.fromString(payment.id()), caller.subject(), OrderAccess.now()))
                        .call(v -> step(tx, caller, v, "PAYMENT_PROOF_ACCEPTED", "paymentProof.accepted", v.decidedAt()));
            }));
        });
    }

    public Uni<PaymentProofView> reject(Caller caller, UUID id, RejectPaymentProofRequest request) {
        return Uni.createFrom().deferred(() -> {
            caller.require(Role.MANAGER, Role.INTEGRATION);
            validator.check(request);
            return db.inTransaction(tx -> lock(tx, caller, id).flatMap(p -> {
                requireSubmitted(p, "rejected");
                return proofs.decide(tx, caller.tenant(), id, PaymentProofStatus.REJECTED, request.reason(), null, caller.subject(),
                                OrderAccess.now())
                        .call(v -> step(tx, caller, v, "PAYMENT_PROOF_REJECTED", "paymentProof.rejected", v.decidedAt()));
            }));
        });
    }

    /** The proofs of an order, oldest first; whoever may read the order (a partner of another channel: 404). */
    public Uni<Page<PaymentProofView>> ofOrder(Caller caller, UUID orderId, PageRequest page) {
        return Uni.createFrom().deferred(() -> {
            OrderAccess.requireReader(caller);
            return access.visible(caller, db.pool(), orderId)
                    .flatMap(o -> proofs.ofOrder(db.pool(), caller.tenant(), orderId, page.afterId(), page.fetchSize()))
                    .map(rows -> Page.of(rows, page, PaymentProofView::id));
        });
    }

    private Uni<PaymentProofView> lock(SqlClient tx, Caller caller, UUID id) {
        return proofs.lock(tx, caller.tenant(), id).map(found -> found.orElseThrow(() -> ApiException.notFound("payment proof", id)));
    }

    private static void requireSubmitted(PaymentProofView p, String what) {
        if (p.status() != PaymentProofStatus.SUBMITTED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "payment proof " + p.id() + " is " + p.status() + " and cannot be " + what);
        }
    }

    /** The order's timeline row and the outbox event of one step of a proof. */
    private Uni<Void> step(SqlClient tx, Caller caller, PaymentProofView p, String timelineType, String eventType, Instant at) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("paymentProofId", p.id());
        details.put("amount", p.amount());
        details.put("method", p.method());
        details.put("reference", p.reference());
        if (p.rejectReason() != null) {
            details.put("reason", p.rejectReason());
        }
        if (p.paymentId() != null) {
            details.put("paymentId", p.paymentId());
        }
        UUID orderId = UUID.fromString(p.orderId());
        return orders.appendEvents(tx, caller.tenant(), orderId, caller.subject(), at, List.of(new Event(timelineType, details)))
                .call(x -> outbox.append(tx, caller, eventType, "paymentProof", UUID.fromString(p.id()), UUID.fromString(p.channelId()), p));
    }
}
