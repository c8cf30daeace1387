package dev.channelhub.aftersales;

import dev.channelhub.customer.CustomerServiceCases;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The customer 360° view's service cases (one statement for all customers, partner-scoped by the service). */
@ApplicationScoped
public class ServiceCasesOfCustomers implements CustomerServiceCases {

    private final ServiceCaseService cases;

    public ServiceCasesOfCustomers(ServiceCaseService cases) {
        this.cases = cases;
    }

    @Override
    public Uni<Map<UUID, List<ServiceCaseRef>>> serviceCases(Caller caller, List<UUID> customerIds) {
        return cases.ofCustomers(caller, customerIds).map(lists -> {
            Map<UUID, List<ServiceCaseRef>> out = new HashMap<>();
            for (int i = 0; i < customerIds.size(); i++) {
                out.put(customerIds.get(i), lists.get(i).stream().map(v -> new ServiceCaseRef(v.id(), v.number(), v.status().name(),
                        v.priority().name(), v.category().name(), v.subject(), v.assignedChannelId(), v.dueAt(), v.overdue())).toList());
            }
            return out;
        });
    }
}
