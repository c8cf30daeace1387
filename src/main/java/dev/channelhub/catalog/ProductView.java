package dev.channelhub.catalog;

import dev.channelhub.shared.relay.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as REST and GraphQL show it. Partners do not see the floor price (it is HQ's policy, not theirs); only
 * managers and admins see the cost price (partners, sales and integrations get null).
 */
@Type("Product")
public record ProductView(
        @NonNull @Id String id,
        @NonNull String sku,
        @NonNull String name,
        String category,
        @NonNull String unit,
        @NonNull ProductStatus status,
        @Description("The lowest unit price any channel may charge, in `currency`") BigDecimal floorPrice,
        @NonNull String currency,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt,
        BigDecimal costPrice,
        @Description("Course code a partner channel must hold a valid certification for to order this SKU; null: anyone may")
        String requiresCertification) implements Node {

    public boolean active() {
        return status == ProductStatus.ACTIVE;
    }

    ProductView withoutFloor() {
        return new ProductView(id, sku, name, category, unit, status, null, currency, version, createdAt, updatedAt, null,
                requiresCertification);
    }

    /** The product without its cost price: what everyone but managers and admins sees (and what events carry). */
    public ProductView withoutCost() {
        return costPrice == null ? this
                : new ProductView(id, sku, name, category, unit, status, floorPrice, currency, version, createdAt, updatedAt, null,
                requiresCertification);
    }
}
