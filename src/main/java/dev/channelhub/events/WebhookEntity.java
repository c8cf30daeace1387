package dev.channelhub.events;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/**
 * A webhook subscription row ({@code webhook}, V7_0/V9_6). {@code version} is the contract's version (ETag / If-Match):
 * Hibernate adds one on every update and checks it in the update's where clause. {@code secret} is the sealed form
 * ({@link WebhookSecrets}). The fan-out cursor ({@code cursor_tx}, {@code cursor_seq}) is {@link WebhookDispatcher}'s
 * bookkeeping: written once on insert, never by an entity update (the dispatcher moves it in SQL, as it does
 * {@code consecutive_failures} and the automatic disabling). Only the events feature uses this class; others get
 * {@link WebhookView}s. {@code events} is declared {@code _text} (PostgreSQL's name for {@code text[]}), as schema
 * validation compares the type name the reactive metadata reports.
 */
@Entity
@Table(name = "webhook")
@IdClass(TenantKey.class)
public class WebhookEntity extends VersionedTenantEntity {

    @Column(name = "url", length = 2000, nullable = false)
    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "events", columnDefinition = "_text", nullable = false)
    public String[] events;

    @Column(name = "secret", length = 400, nullable = false)
    public String secret;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    public WebhookStatus status;

    @Column(name = "disabled_reason", length = 500)
    public String disabledReason;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    /** Outbox position fanned out so far; set on insert only ({@link WebhookRepository#cursorStart}). */
    @Column(name = "cursor_tx", nullable = false, updatable = false)
    public long cursorTx;

    @Column(name = "cursor_seq", nullable = false, updatable = false)
    public long cursorSeq;

    WebhookView toView() {
        return new WebhookView(id.toString(), url, List.of(events), status, disabledReason, consecutiveFailures, version,
                createdAt, updatedAt, null);
    }
}
