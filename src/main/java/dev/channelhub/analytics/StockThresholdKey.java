package dev.channelhub.analytics;

import java.io.Serializable;
import java.util.Objects;

/**
 * The primary key of {@link StockThresholdEntity}: {@code (tenant_id, sku)}, exactly the table's primary key (a threshold
 * belongs to a SKU, not to an id), mapped like {@code shared/persistence/TenantKey} with {@code @IdClass}.
 */
public class StockThresholdKey implements Serializable {

    public String tenantId;
    public String sku;

    public StockThresholdKey() {
    }

    public StockThresholdKey(String tenantId, String sku) {
        this.tenantId = tenantId;
        this.sku = sku;
    }

    public static StockThresholdKey of(String tenantId, String sku) {
        return new StockThresholdKey(tenantId, sku);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StockThresholdKey k && Objects.equals(tenantId, k.tenantId) && Objects.equals(sku, k.sku);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, sku);
    }

    @Override
    public String toString() {
        return tenantId + "/" + sku;
    }
}
