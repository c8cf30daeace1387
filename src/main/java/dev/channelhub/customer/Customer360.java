package dev.channelhub.customer;

import org.eclipse.microprofile.graphql.NonNull;
import dev.channelhub.customer.CustomerOpenLeads.OpenLead;
import dev.channelhub.customer.CustomerOrderFigures.RecentOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code GET /customers/{id}/360}: the customer with everything the business knows about them. */
public record Customer360(@NonNull CustomerView customer, @NonNull List<IdentityView> identities, @NonNull List<CustomerChannelView> channels,
                          @NonNull Orders orders, @NonNull List<OpenLead> openLeads, @NonNull List<TouchpointView> recentTouchpoints,
                          @NonNull BigDecimal lifetimeValue, @NonNull BigDecimal predictedLifetimeValue, boolean repeatCustomer, @NonNull String currency,
                          @NonNull List<CustomerServiceCases.ServiceCaseRef> serviceCases) {

    public record Orders(long count, @NonNull BigDecimal revenue, BigDecimal averageOrderValue, Instant firstOrderAt,
                         Instant lastOrderAt, @NonNull List<RecentOrder> recent) {
    }
}
