package dev.channelhub.customer;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Order figures of a customer (cancelled orders excluded): count, revenue, average order value, first and last
 * order, lifetime value (= revenue so far), predicted lifetime value (the orders expected over the next year,
 * {@link PredictedLifetimeValue}) and whether they ordered more than once. Zero until orders exist.
 */
@Type("CustomerStats")
public record CustomerStats(int orderCount, @NonNull BigDecimal revenue, @NonNull BigDecimal averageOrderValue,
                            Instant firstOrderAt, Instant lastOrderAt, @NonNull BigDecimal lifetimeValue,
                            @NonNull BigDecimal predictedLifetimeValue,
                            boolean repeatCustomer, @NonNull String currency) {
}
