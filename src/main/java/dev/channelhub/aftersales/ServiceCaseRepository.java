package dev.channelhub.aftersales;

import dev.channelhub.shared.persistence.Db;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Service cases: the case and its comments are Panache entities (the use case's session transaction also carries the
 * timeline row, the outbox event and the idempotency answer); the day counter, the timeline reads and the overdue
 * sweep are plain SQL on the pool.
 */
@ApplicationScoped
public class ServiceCaseRepository {

    private static final String NEXT_NUMBER = """
            insert into service_case_number (tenant_id, day, last) values ($1, $2, 1) on conflict (tenant_id, day)
            do update set last = service_case_number.last + 1 returning last""";

    private static final String EVENT = """
            insert into service_case_event (tenant_id, case_id, type, actor, details, occurred_at)
            values (?1, ?2, ?3, ?4, cast(cast(?5 as text) as jsonb), ?6)""";

    private static final String TIMELINE = """
            select seq, type, actor, details, occurred_at from service_case_event where tenant_id = $1 and case_id = $2
            and ($3::bigint is null or seq > $3) order by seq limit $4""";

    /** Claims active cases past their due time that were never announced as overdue (skip locked: one instance each). */
    private static final String CLAIM_OVERDUE = """
            with due as (select tenant_id, id from service_case
                         where overdue_notified_at is null and status in ('OPEN', 'IN_PROGRESS') and due_at < $1
                         order by due_at limit $2 for update skip locked)
            update service_case c set overdue_notified_at = $1 from due
            where c.tenant_id = due.tenant_id and c.id = due.id
            returning c.tenant_id, c.id, c.number, c.assigned_channel_id, c.priority, c.due_at""";

    private static final String EVENT_ON_POOL = """
            insert into service_case_event (tenant_id, case_id, type, actor, details, occurred_at)
            values ($1, $2, $3, $4, $5::varchar::jsonb, $6)""";

    private final Db db;
    private final ReturnRepository json;

    public ServiceCaseRepository(Db db, ReturnRepository json) {
        this.db = db;
        this.json = json;
    }

    public Uni<Long> nextNumber(String tenant, LocalDate day) {
        return db.one(NEXT_NUMBER, Tuple.of(tenant, day), r -> r.getLong("last")).map(Optional::orElseThrow);
    }

    public Uni<ServiceCaseEntity> find(String tenant, UUID id) {
        return ServiceCaseEntity.<ServiceCaseEntity>find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }

    // The overdue filter (HQL): %1$d the open statuses' parameter number, %2$d now's.
    private static final String OVERDUE = """
            \sand status in ?%1$d and dueAt < ?%2$d""";
    private static final String NOT_OVERDUE = """
            \sand (status not in ?%1$d or dueAt >= ?%2$d)""";

    public Uni<List<ServiceCaseEntity>> list(String tenant, UUID partnerChannel, ServiceCaseFilter f, UUID after, int fetch, Instant now) {
        StringBuilder q = new StringBuilder("tenantId = ?1");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (partnerChannel != null) {
            args.add(partnerChannel);
            q.append(" and assignedChannelId = ?").append(args.size());
        }
        if (f.status() != null) {
            args.add(f.status());
            q.append(" and status = ?").append(args.size());
        }
        if (f.assignedChannelId() != null) {
            args.add(f.assignedChannelId());
            q.append(" and assignedChannelId = ?").append(args.size());
        }
        if (f.customerId() != null) {
            args.add(f.customerId());
            q.append(" and customerId = ?").append(args.size());
        }
        if (f.overdue() != null) {
            args.add(List.of(ServiceCaseStatus.OPEN, ServiceCaseStatus.IN_PROGRESS));
            int statuses = args.size();
            args.add(now);
            q.append((f.overdue() ? OVERDUE : NOT_OVERDUE).formatted(statuses, args.size()));
        }
        if (after != null) {
            args.add(after);
            q.append(" and id > ?").append(args.size());
        }
        return ServiceCaseEntity.<ServiceCaseEntity>find(q.toString(), Sort.by("id"), args.toArray()).range(0, fetch - 1).list();
    }

    /** The cases of many customers, newest first (partners: only those assigned to their channel); one statement. */
    public Uni<List<ServiceCaseEntity>> ofCustomers(String tenant, UUID partnerChannel, List<UUID> customerIds) {
        if (partnerChannel == null) {
            return ServiceCaseEntity.<ServiceCaseEntity>find("tenantId = ?1 and customerId in ?2", Sort.descending("id"), tenant, customerIds)
                    .list();
        }
        return ServiceCaseEntity.<ServiceCaseEntity>find("tenantId = ?1 and customerId in ?2 and assignedChannelId = ?3", Sort.descending("id"),
                tenant, customerIds, partnerChannel).list();
    }

    public Uni<List<ServiceCaseCommentEntity>> commentsOf(String tenant, List<UUID> caseIds) {
        return ServiceCaseCommentEntity.<ServiceCaseCommentEntity>find("tenantId = ?1 and caseId in ?2", Sort.by("id"), tenant, caseIds).list();
    }

    /** A timeline row in the session's transaction. */
    public Uni<Void> event(Mutiny.Session session, String tenant, UUID caseId, String type, String actor, Object details, Instant at) {
        return session.createNativeQuery(EVENT).setParameter(1, tenant).setParameter(2, caseId).setParameter(3, type).setParameter(4, actor)
                .setParameter(5, json.json(details)).setParameter(6, at).executeUpdate().replaceWithVoid();
    }

    public Uni<List<AfterSalesEventView>> timeline(String tenant, UUID caseId, Long afterSeq, int fetch) {
        return db.list(TIMELINE, Tuple.of(tenant, caseId, afterSeq, fetch), json::event);
    }

    public Uni<List<Row>> claimOverdue(SqlClient tx, Instant now, int limit) {
        return db.list(tx, CLAIM_OVERDUE, Tuple.of(now.atOffset(ZoneOffset.UTC), limit), r -> r);
    }

    public Uni<Void> eventOnPool(SqlClient tx, String tenant, UUID caseId, String type, String actor, Map<String, Object> details, Instant at) {
        return db.query(tx, EVENT_ON_POOL, Tuple.from(new Object[]{tenant, caseId, type, actor, json.json(details), at.atOffset(ZoneOffset.UTC)}))
                .replaceWithVoid();
    }
}
