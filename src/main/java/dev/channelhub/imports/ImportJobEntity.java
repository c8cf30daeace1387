package dev.channelhub.imports;

import java.util.UUID;
import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * An import job's header row ({@code import_job}, V7_2), persisted when a file is accepted. The progress is
 * {@link ImportRunner}'s: it moves the status and adds to the counters and the {@code errors} list with set-based SQL
 * on the background pool ({@code processed = processed + $n}, {@code errors = errors || $n}), so the counters are
 * mapped read-only (never written by an entity) and {@code errors} (jsonb) is not mapped at all: a new job has none.
 * The table has no {@code version}: a job is never patched. Only the imports feature uses this class.
 */
@Entity
@Table(name = "import_job")
@IdClass(TenantKey.class)
public class ImportJobEntity extends TenantEntity {

    @Column(name = "kind", length = 32, nullable = false)
    public String kind;

    @Column(name = "format", length = 16, nullable = false)
    public String format;

    @Column(name = "status", length = 16, nullable = false)
    public String status;

    @Column(name = "processed", nullable = false, insertable = false, updatable = false)
    public int processed;

    @Column(name = "succeeded", nullable = false, insertable = false, updatable = false)
    public int succeeded;

    @Column(name = "failed", nullable = false, insertable = false, updatable = false)
    public int failed;

    @Column(name = "message", length = 500)
    public String message;

    @Column(name = "created_by", length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The uploading partner's channel; null for uploads by HQ and integrations. */
    @Column(name = "channel_id")
    public UUID channelId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The view of a job that has just been persisted (no rejected rows yet). */
    ImportJobView toView() {
        return new ImportJobView(id.toString(), kind, format, status, processed, succeeded, failed, List.of(), message,
                createdAt, startedAt, finishedAt);
    }
}
