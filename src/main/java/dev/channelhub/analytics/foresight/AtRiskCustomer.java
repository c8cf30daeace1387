package dev.channelhub.analytics.foresight;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** A customer still active whose last order is between 0.75 × inactiveDays and inactiveDays before asOf. */
@Type("AtRiskCustomer")
public record AtRiskCustomer(@NonNull @Id String customerId, String name, @NonNull Instant lastOrderAt, long daysSinceLastOrder,
                             long orders) {

    public String cursorKey() {
        return lastOrderAt.toString() + "\t" + customerId;
    }
}
