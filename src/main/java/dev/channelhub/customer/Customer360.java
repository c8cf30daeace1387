package dev.channelhub.customer;

import dev.channelhub.customer.CustomerOpenLeads.OpenLead;
import dev.channelhub.customer.CustomerOrderFigures.RecentOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code GET /customers/{id}/360}: the customer with everything the business knows about them. */
public record Customer360(CustomerView customer, List<IdentityView> identities, List<CustomerChannelView> channels,
                          Orders orders, List<OpenLead> openLeads, List<TouchpointView> recentTouchpoints,
                          BigDecimal lifetimeValue, boolean repeatCustomer, String currency,
                          List<CustomerServiceCases.ServiceCaseRef> serviceCases) {

    public record Orders(long count, BigDecimal revenue, BigDecimal averageOrderValue, Instant firstOrderAt,
                         Instant lastOrderAt, List<RecentOrder> recent) {
    }
}
