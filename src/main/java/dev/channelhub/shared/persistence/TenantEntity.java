package dev.channelhub.shared.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.util.UUID;

/**
 * The key columns every tenant-owned table starts with: {@code tenant_id varchar(64)} and {@code id uuid}, the table's
 * primary key. An entity extends this class and names its key with {@code @IdClass(TenantKey.class)}, so
 * {@code findById(TenantKey.of(tenant, id))} can never return another tenant's row. Ids are {@link Ids#newId()},
 * assigned before {@code persist}.
 * <p>
 * Tables keyed otherwise (by tenant alone, or by tenant and SKU) do not extend it.
 */
@MappedSuperclass
public abstract class TenantEntity extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id", length = 64)
    public String tenantId;

    @Id
    @Column(name = "id")
    public UUID id;
}
