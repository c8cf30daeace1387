package dev.channelhub.imports;

import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Import jobs. The header is persisted as an {@link ImportJobEntity} in the service's Hibernate Reactive transaction,
 * with its idempotency answer. Reads stay SQL on the pool; the runner's progress stays set-based SQL on the background
 * pool ({@link Db.Background}), run from {@link ImportRunner}'s own Vert.x context. Every statement is scoped by tenant.
 */
@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJobEntity, TenantKey> {

    static final String COLUMNS = """
            id, kind, format, status, processed, succeeded, failed, errors, message, created_at, started_at, finished_at""";

    private static final String FIND = """
            select %s from import_job where tenant_id = $1 and id = $2""".formatted(COLUMNS);

    private static final String FIND_OF_CHANNEL = """
            select %s from import_job where tenant_id = $1 and id = $2 and channel_id = $3""".formatted(COLUMNS);

    private static final String LIST = """
            select %s from import_job where tenant_id = $1""".formatted(COLUMNS);

    private static final String MARK_RUNNING = """
            update import_job set status = 'RUNNING', started_at = now() where tenant_id = $1 and id = $2""";

    /** A chunk's results added to the counters and the kept errors in one statement (never read-modify-write). */
    private static final String RECORD_CHUNK = """
            update import_job set processed = processed + $3, succeeded = succeeded + $4, failed = failed + $5,
            errors = errors || $6::jsonb where tenant_id = $1 and id = $2""";

    private static final String MARK_COMPLETED = """
            update import_job set status = 'COMPLETED', finished_at = now() where tenant_id = $1 and id = $2""";

    private static final String MARK_FAILED = """
            update import_job set status = 'FAILED', finished_at = now(), message = $3 where tenant_id = $1 and id = $2""";

    @Inject
    Db db;

    // ---- reads, on the pool

    /** {@code channelId}: only a job uploaded for that channel (a partner's), or null for any job of the tenant. */
    public Uni<Optional<ImportJobView>> find(String tenant, UUID id, UUID channelId) {
        return channelId == null ? db.one(FIND, Tuple.of(tenant, id), ImportJobRepository::toView)
                : db.one(FIND_OF_CHANNEL, Tuple.of(tenant, id, channelId), ImportJobRepository::toView);
    }

    public Uni<List<ImportJobView>> list(String tenant, UUID channelId, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        StringBuilder sql = new StringBuilder(LIST);
        if (channelId != null) {
            args.add(channelId);
            sql.append(" and channel_id = $").append(args.size());
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), ImportJobRepository::toView);
    }

    // ---- the runner's progress, on the background pool

    Uni<Void> markRunning(Db.Background bg, String tenant, UUID id) {
        return bg.query(MARK_RUNNING, Tuple.of(tenant, id)).replaceWithVoid();
    }

    Uni<Void> recordChunk(Db.Background bg, String tenant, UUID id, int processed, int succeeded, int failed, JsonArray errors) {
        return bg.query(RECORD_CHUNK, Tuple.from(new Object[]{tenant, id, processed, succeeded, failed, errors})).replaceWithVoid();
    }

    Uni<Void> markCompleted(Db.Background bg, String tenant, UUID id) {
        return bg.query(MARK_COMPLETED, Tuple.of(tenant, id)).replaceWithVoid();
    }

    Uni<Void> markFailed(Db.Background bg, String tenant, UUID id, String message) {
        return bg.query(MARK_FAILED, Tuple.of(tenant, id, message)).replaceWithVoid();
    }

    static ImportJobView toView(Row r) {
        Object raw = r.getValue("errors");
        List<ImportJobView.RowError> errors = new ArrayList<>();
        if (raw instanceof JsonArray arr) {
            for (int i = 0; i < arr.size(); i++) {
                var e = arr.getJsonObject(i);
                errors.add(new ImportJobView.RowError(e.getLong("line"), e.getString("code"), e.getString("field"), e.getString("message")));
            }
        }
        return new ImportJobView(r.getUUID("id").toString(), r.getString("kind"), r.getString("format"), r.getString("status"),
                r.getInteger("processed"), r.getInteger("succeeded"), r.getInteger("failed"), errors, r.getString("message"),
                instant(r, "created_at"), instant(r, "started_at"), instant(r, "finished_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
