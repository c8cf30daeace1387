package dev.channelhub.pricing;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A promotion row ({@code promotion}, V4_1). The price engine reads promotions through {@link PricingCache} (SQL on the
 * pool); writes go through this entity. Arrays are declared {@code _uuid}/{@code _text} as in {@link PriceScopeColumns}; the scope
 * columns are the ones a price list has.
 */
@Entity
@Table(name = "promotion")
@IdClass(TenantKey.class)
public class PromotionEntity extends VersionedTenantEntity {

    @Column(name = "code", length = 64, nullable = false)
    public String code;

    @Column(name = "name", length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 16, nullable = false)
    public PromotionKind kind;

    /** Kept at the column's scale (4), as a read of the row returns it. */
    @Column(name = "value", precision = 19, scale = 4, nullable = false)
    public BigDecimal value;

    @Column(name = "currency", length = 3)
    public String currency;

    /** Which channels, groups, channel types and customer groups it applies to. */
    @Embedded
    public PriceScopeColumns scopeColumns = new PriceScopeColumns();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "skus", columnDefinition = "_text", nullable = false)
    public String[] skus;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "categories", columnDefinition = "_text", nullable = false)
    public String[] categories;

    @Column(name = "min_quantity", nullable = false)
    public int minQuantity;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    /** {@code scope} is already normalized (never-null lists, ids checked). */
    void setScope(PriceScope scope) {
        scopeColumns = PriceScopeColumns.of(scope);
    }

    /** The view a read of the same row gives ({@code PromotionRepository.toView}). */
    PromotionView toView() {
        return new PromotionView(id.toString(), code, name, kind, value, currency,
                scopeColumns.toScope(), List.of(skus), List.of(categories),
                minQuantity, validFrom, validTo, version, createdAt, updatedAt);
    }
}
