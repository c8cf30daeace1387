package dev.channelhub.pricing;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A price list's header ({@code price_list}, V4_1): code, name, currency, priority, scope and validity. Its entries
 * ({@code price_list_entry}) are rows the quote statement reads set-based, so they stay SQL (written by native
 * statements on the same session when a header write carries entries, on the pool by {@code PUT .../entries}).
 * {@code entryCount} is read with the row (a formula, never written). The scope columns are {@link PriceScopeColumns},
 * shared with promotions.
 */
@Entity
@Table(name = "price_list")
@IdClass(TenantKey.class)
public class PriceListEntity extends VersionedTenantEntity {

    @Column(name = "code", length = 64, nullable = false)
    public String code;

    @Column(name = "name", length = 200, nullable = false)
    public String name;

    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    @Column(name = "priority")
    public Integer priority;

    /** Which channels, groups, channel types and customer groups it applies to. */
    @Embedded
    public PriceScopeColumns scopeColumns = new PriceScopeColumns();

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    /** How many entries the list has, read with the row; set by the service after it writes entries. */
    @Formula("(select count(*) from price_list_entry e where e.tenant_id = tenant_id and e.price_list_id = id)")
    public long entryCount;

    PriceScope scope() {
        return scopeColumns.toScope();
    }

    /** {@code scope} is already normalized (never-null lists, ids checked). */
    void setScope(PriceScope scope) {
        scopeColumns = PriceScopeColumns.of(scope);
    }

    /** Validity as PostgreSQL keeps it (microseconds), so the answer equals what a later read returns. */
    void setValidity(Instant from, Instant to) {
        validFrom = micros(from);
        validTo = micros(to);
    }

    /** The view a read of the same row gives ({@code PriceListRepository.toView}). */
    PriceListView toView() {
        PriceScope scope = scope();
        return new PriceListView(id.toString(), code, name, currency, priority,
                priority != null ? priority : scope.toResolverScope().defaultPriority(), scope, validFrom, validTo, entryCount,
                version, createdAt, updatedAt);
    }

    static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
