package dev.channelhub.shared.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A tenant-owned row that is changed in place: besides the key ({@link TenantEntity}) it carries
 * {@code version integer not null default 1}, {@code created_at} and {@code updated_at}. {@code version} is the
 * contract's version (ETag / If-Match): set it to 1 on a new entity; Hibernate checks it in every update's where clause
 * and adds one. Set {@code updatedAt} on every change (so the flush always writes the row and bumps the version).
 * <p>
 * Only for tables that have exactly these three columns; a table with other timestamps keeps its own fields.
 */
@MappedSuperclass
public abstract class VersionedTenantEntity extends TenantEntity {

    @Version
    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
