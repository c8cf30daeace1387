package dev.channelhub.catalog;

import dev.channelhub.shared.money.Money;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A product row ({@code product}, V4_0). {@code version} is the contract's version (ETag / If-Match): Hibernate adds one
 * on every update and checks it in the update's where clause. Only {@link ProductRepository} and {@link ProductService}
 * use it; reads and other features get {@link ProductView}s from SQL.
 */
@Entity
@Table(name = "product")
@IdClass(TenantKey.class)
public class ProductEntity extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id", length = 64)
    public String tenantId;

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "sku", length = 64, nullable = false)
    public String sku;

    @Column(name = "name", length = 200, nullable = false)
    public String name;

    @Column(name = "category", length = 64)
    public String category;

    @Column(name = "unit", length = 32, nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    public ProductStatus status;

    @Column(name = "floor_price", precision = 19, scale = 4)
    public BigDecimal floorPrice;

    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    @Column(name = "requires_certification", length = 64)
    public String requiresCertification;

    @Version
    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The view {@link ProductRepository#toView} reads from the same row (floor rounded to the currency). */
    public ProductView toView() {
        return new ProductView(id.toString(), sku, name, category, unit, status, Money.round(floorPrice, currency), currency,
                version, createdAt, updatedAt, requiresCertification);
    }
}
