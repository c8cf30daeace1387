package dev.channelhub.shared.persistence;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The primary key of every tenant-owned entity: {@code (tenant_id, id)}, exactly the tables' primary key, mapped with
 * {@code @IdClass(TenantKey.class)} and two {@code @Id} fields ({@code tenantId}, {@code id}). A lookup by key can
 * therefore never cross tenants, and every query of a Panache repository names {@code tenantId} as well.
 */
public class TenantKey implements Serializable {

    public String tenantId;
    public UUID id;

    public TenantKey() {
    }

    public TenantKey(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    public static TenantKey of(String tenantId, UUID id) {
        return new TenantKey(tenantId, id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantKey k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }

    @Override
    public String toString() {
        return tenantId + "/" + id;
    }
}
