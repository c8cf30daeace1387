package dev.channelhub.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * The low-stock threshold of a SKU ({@code stock_threshold}, V7_4). {@code version} is the contract's version (ETag /
 * If-Match): Hibernate adds one on every update and checks it in the update's where clause. The low-stock report and
 * the stock-low crossing functions read the table with SQL. Only {@link StockThresholdRepository} and
 * {@link AnalyticsService} use it.
 */
@Entity
@Table(name = "stock_threshold")
@IdClass(StockThresholdKey.class)
public class StockThresholdEntity extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id", length = 64)
    public String tenantId;

    @Id
    @Column(name = "sku", length = 64)
    public String sku;

    @Column(name = "threshold", nullable = false)
    public long threshold;

    @Version
    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "updated_by", length = 200)
    public String updatedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    StockThresholdView toView() {
        return new StockThresholdView(sku, threshold, version, updatedAt);
    }
}
