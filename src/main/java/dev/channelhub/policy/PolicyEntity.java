package dev.channelhub.policy;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.List;

/**
 * A policy at its current version ({@code policy}, V6_0). {@code version} is the contract's version (ETag / If-Match):
 * Hibernate adds one on every update and checks it in the update's where clause; every edit is a new version, copied
 * into {@code policy_version} by a native statement on the same session. Targets, reads and acknowledgements are
 * set-based rows and stay SQL ({@link PolicyRepository}). Only the policy feature uses this class; others get
 * {@link PolicyView}s.
 * <p>
 * {@code attachments} (a JSON array) and {@code audience} (a JSON object) are {@code jsonb}, held here as their JSON
 * text: Hibernate Reactive's JSON type binds a Vert.x {@code JsonObject} only (no arrays), and the Vert.x client sends a
 * Java string to a {@code jsonb} parameter as a JSON string, so the column is read as text and written through a text
 * cast.
 */
@Entity
@Table(name = "policy")
@IdClass(TenantKey.class)
public class PolicyEntity extends TenantEntity {

    @Column(name = "title", length = 300, nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 32, nullable = false)
    public PolicyKind kind;

    @Column(name = "body", columnDefinition = "text", nullable = false)
    public String body;

    @Column(name = "attachments", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(read = "cast(attachments as text)", write = "cast(cast(? as text) as jsonb)")
    public String attachmentsJson;

    @Column(name = "audience", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(read = "cast(audience as text)", write = "cast(cast(? as text) as jsonb)")
    public String audienceJson;

    @Column(name = "requires_ack", nullable = false)
    public boolean requiresAck;

    @Column(name = "effective_from", nullable = false)
    public Instant effectiveFrom;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Version
    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "created_by", length = 200)
    public String createdBy;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The view, with the attachments and the audience as the service holds them (parsed from the stored JSON). */
    PolicyView toView(List<Attachment> attachments, Audience audience) {
        return new PolicyView(id.toString(), title, kind, body, attachments, audience, requiresAck, effectiveFrom, expiresAt, version,
                publishedAt, updatedAt);
    }
}
