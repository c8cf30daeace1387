package dev.channelhub.order;

import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Payment proofs: SQL on the pool, because accepting one records the payment ({@link OrderPaymentService}) in the same
 * pool transaction, under the proof's row lock. Every statement is scoped by tenant.
 */
@ApplicationScoped
public class PaymentProofRepository {

    private static final String COLUMNS = """
            id, order_id, channel_id, amount, currency, method, reference, attachment_url, status, reject_reason, payment_id,
            submitted_by, submitted_at, decided_by, decided_at, version""";

    private static final String INSERT = """
            insert into payment_proof (tenant_id, id, order_id, channel_id, amount, currency, method, reference, attachment_url,
            status, submitted_by, submitted_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'SUBMITTED', $10, $11)""";

    /** The proof locked for its decision: two finance clerks accepting at once are serialised here (one payment). */
    private static final String LOCK = """
            select %s from payment_proof where tenant_id = $1 and id = $2 for no key update""".formatted(COLUMNS);

    private static final String DECIDE = """
            update payment_proof set status = $3, reject_reason = $4, payment_id = $5, decided_by = $6, decided_at = $7,
            version = version + 1 where tenant_id = $1 and id = $2 returning %s""".formatted(COLUMNS);

    private static final String OF_ORDER = """
            select %s from payment_proof where tenant_id = $1 and order_id = $2 and ($3::uuid is null or id > $3)
            order by id limit $4""".formatted(COLUMNS);

    private final Db db;

    public PaymentProofRepository(Db db) {
        this.db = db;
    }

    public Uni<Void> insert(SqlClient tx, String tenant, PaymentProofView p) {
        return db.query(tx, INSERT, Tuple.from(new Object[]{tenant, UUID.fromString(p.id()), UUID.fromString(p.orderId()),
                UUID.fromString(p.channelId()), p.amount(), p.currency(), p.method(), p.reference(), p.attachmentUrl(), p.submittedBy(),
                utc(p.submittedAt())})).replaceWithVoid();
    }

    public Uni<Optional<PaymentProofView>> lock(SqlClient tx, String tenant, UUID id) {
        return db.one(tx, LOCK, Tuple.of(tenant, id), PaymentProofRepository::toView);
    }

    public Uni<PaymentProofView> decide(SqlClient tx, String tenant, UUID id, PaymentProofStatus status, String reason, UUID paymentId,
                                        String actor, Instant at) {
        return db.one(tx, DECIDE, Tuple.from(new Object[]{tenant, id, status.name(), reason, paymentId, actor, utc(at)}),
                PaymentProofRepository::toView).map(Optional::orElseThrow);
    }

    public Uni<List<PaymentProofView>> ofOrder(SqlClient client, String tenant, UUID orderId, UUID after, int fetch) {
        return db.list(client, OF_ORDER, Tuple.of(tenant, orderId, after, fetch), PaymentProofRepository::toView);
    }

    private static PaymentProofView toView(Row r) {
        String cur = r.getString("currency");
        UUID payment = r.getUUID("payment_id");
        OffsetDateTime decided = r.getOffsetDateTime("decided_at");
        return new PaymentProofView(r.getUUID("id").toString(), r.getUUID("order_id").toString(), r.getUUID("channel_id").toString(),
                Money.round(r.getBigDecimal("amount"), cur), cur, r.getString("method"), r.getString("reference"),
                r.getString("attachment_url"), PaymentProofStatus.valueOf(r.getString("status")), r.getString("reject_reason"),
                payment == null ? null : payment.toString(), r.getString("submitted_by"), r.getOffsetDateTime("submitted_at").toInstant(),
                r.getString("decided_by"), decided == null ? null : decided.toInstant(), r.getInteger("version"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
