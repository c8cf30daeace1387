package dev.channelhub.pricing;

import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A promotion row ({@code promotion}, V4_1). The price engine reads promotions through {@link PricingCache} (SQL on the
 * pool); writes go through this entity. Arrays are declared {@code _uuid}/{@code _text} as in {@link PriceListEntity}.
 */
@Entity
@Table(name = "promotion")
@IdClass(TenantKey.class)
public class PromotionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id", length = 64)
    public String tenantId;

    @Id
    @Column(name = "id")
    public UUID id;

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

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "channel_ids", columnDefinition = "_uuid", nullable = false)
    public UUID[] channelIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "channel_group_ids", columnDefinition = "_uuid", nullable = false)
    public UUID[] channelGroupIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "channel_types", columnDefinition = "_text", nullable = false)
    public String[] channelTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "customer_groups", columnDefinition = "_text", nullable = false)
    public String[] customerGroups;

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

    @Version
    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** {@code scope} is already normalized (never-null lists, ids checked). */
    void setScope(PriceScope scope) {
        channelIds = PriceListEntity.uuids(scope.channelIds());
        channelGroupIds = PriceListEntity.uuids(scope.channelGroupIds());
        channelTypes = scope.channelTypes().stream().map(Enum::name).toArray(String[]::new);
        customerGroups = scope.customerGroups().toArray(new String[0]);
    }

    /** The view a read of the same row gives ({@code PromotionRepository.toView}). */
    PromotionView toView() {
        return new PromotionView(id.toString(), code, name, kind, value, currency,
                PriceListEntity.scopeOf(channelIds, channelGroupIds, channelTypes, customerGroups), List.of(skus), List.of(categories),
                minQuantity, validFrom, validTo, version, createdAt, updatedAt);
    }
}
