package dev.channelhub.funds;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Expense claims: {@link ExpenseClaimEntity} in the service's Hibernate Reactive transaction (submit, approve, reject),
 * with the approval's FUNDS cost row as a native statement on the same session; get and list are SQL on the pool.
 */
@ApplicationScoped
public class ExpenseClaimRepository implements PanacheRepositoryBase<ExpenseClaimEntity, TenantKey> {

    private static final String COLUMNS = """
            id, channel_id, period, category, amount, currency, description, attachments, status, reject_reason, submitted_by,
            decided_by, decided_at, version, created_at, updated_at""";

    /** An approved claim is a FUNDS channel cost of its period (V13_0): one row per claim, dated the period's first day. */
    private static final String INSERT_FUNDS_COST = """
            insert into channel_cost (tenant_id, id, channel_id, cost_date, category, amount, currency, note, expense_claim_id,
                                      created_by, created_at)
            values (?1, ?2, ?3, ?4, 'FUNDS', ?5, ?6, ?7, ?8, ?9, ?10)""";

    private static final String FIND = """
            select %s from expense_claim where tenant_id = $1 and id = $2 and ($3::uuid is null or channel_id = $3)"""
            .formatted(COLUMNS);

    /** $2 the partner's channel (null: no scope); $3..$5 the filters; $6 the cursor. */
    private static final String LIST = """
            select %s from expense_claim where tenant_id = $1
              and ($2::uuid is null or channel_id = $2)
              and ($3::uuid is null or channel_id = $3)
              and ($4::varchar is null or status = $4)
              and ($5::varchar is null or period = $5)
              and ($6::uuid is null or id > $6)
            order by id limit $7""".formatted(COLUMNS);

    private final Db db;

    public ExpenseClaimRepository(Db db) {
        this.db = db;
    }

    /** The claim locked for the rest of the transaction; null when absent. */
    public Uni<ExpenseClaimEntity> lockEntity(String tenant, UUID id) {
        return findById(TenantKey.of(tenant, id), LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Void> insertFundsCost(Mutiny.Session session, ExpenseClaimEntity claim, LocalDate costDate, String actor, Instant at) {
        String note = "Expense claim %s: %s".formatted(claim.category, claim.description);
        return session.createNativeQuery(INSERT_FUNDS_COST).setParameter(1, claim.tenantId).setParameter(2, Ids.newId())
                .setParameter(3, claim.channelId).setParameter(4, costDate).setParameter(5, claim.amount).setParameter(6, claim.currency)
                .setParameter(7, note.length() > 500 ? note.substring(0, 500) : note).setParameter(8, claim.id).setParameter(9, actor)
                .setParameter(10, at).executeUpdate().replaceWithVoid();
    }

    public Uni<Optional<ExpenseClaimView>> find(String tenant, UUID id, UUID partnerChannel) {
        return db.one(FIND, Tuple.of(tenant, id, partnerChannel), ExpenseClaimRepository::view);
    }

    public Uni<List<ExpenseClaimView>> list(String tenant, UUID partnerChannel, ExpenseClaimFilter f, UUID after, int fetch) {
        Object[] args = {tenant, partnerChannel, f.channelId(), f.status() == null ? null : f.status().name(),
                f.period() == null ? null : f.period().toString(), after, fetch};
        return db.list(LIST, Tuple.from(args), ExpenseClaimRepository::view);
    }

    private static ExpenseClaimView view(Row r) {
        ExpenseClaimEntity e = new ExpenseClaimEntity();
        e.id = r.getUUID("id");
        e.channelId = r.getUUID("channel_id");
        e.period = r.getString("period");
        e.category = ExpenseCategory.valueOf(r.getString("category"));
        e.amount = r.getBigDecimal("amount");
        e.currency = r.getString("currency");
        e.description = r.getString("description");
        Object json = r.getValue("attachments");
        e.attachmentsJson = json instanceof JsonArray a ? a.encode() : String.valueOf(json);
        e.status = ExpenseClaimStatus.valueOf(r.getString("status"));
        e.rejectReason = r.getString("reject_reason");
        e.submittedBy = r.getString("submitted_by");
        e.decidedBy = r.getString("decided_by");
        e.decidedAt = r.getOffsetDateTime("decided_at") == null ? null : r.getOffsetDateTime("decided_at").toInstant();
        e.version = r.getInteger("version");
        e.createdAt = r.getOffsetDateTime("created_at").toInstant();
        e.updatedAt = r.getOffsetDateTime("updated_at").toInstant();
        return e.toView();
    }

    /** The attachments as the {@code jsonb} text the entity holds. */
    static String attachmentsJson(List<ClaimAttachment> list) {
        JsonArray out = new JsonArray();
        if (list != null) {
            list.forEach(a -> out.add(new JsonObject().put("name", a.name()).put("url", a.url())));
        }
        return out.encode();
    }

    static List<ClaimAttachment> attachments(String json) {
        List<ClaimAttachment> out = new ArrayList<>();
        if (json != null && !json.isBlank()) {
            for (Object o : new JsonArray(json)) {
                JsonObject a = (JsonObject) o;
                out.add(new ClaimAttachment(a.getString("name"), a.getString("url")));
            }
        }
        return out;
    }
}
