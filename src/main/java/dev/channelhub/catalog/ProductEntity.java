package dev.channelhub.catalog;

import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/**
 * A product row ({@code product}, V4_0). {@code version} is the contract's version (ETag / If-Match): Hibernate adds one
 * on every update and checks it in the update's where clause. Only {@link ProductRepository} and {@link ProductService}
 * use it; reads and other features get {@link ProductView}s from SQL.
 */
@Entity
@Table(name = "product")
@IdClass(TenantKey.class)
public class ProductEntity extends VersionedTenantEntity {

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

    @Column(name = "cost_price", precision = 19, scale = 4)
    public BigDecimal costPrice;

    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    @Column(name = "requires_certification", length = 64)
    public String requiresCertification;

    /** The view {@link ProductRepository#toView} reads from the same row (floor rounded to the currency). */
    public ProductView toView() {
        return new ProductView(id.toString(), sku, name, category, unit, status, Money.round(floorPrice, currency), currency,
                version, createdAt, updatedAt, Money.round(costPrice, currency), requiresCertification);
    }
}
