package dev.channelhub.customer;

import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The service side of the customer 360° view, provided by the after-sales feature (so customer depends on nothing above
 * it); batched over customers, already scoped to what the caller may see (a partner: cases assigned to its channel).
 */
public interface CustomerServiceCases {

    Uni<Map<UUID, List<ServiceCaseRef>>> serviceCases(Caller caller, List<UUID> customerIds);

    record ServiceCaseRef(String id, String number, String status, String priority, String category, String subject,
                          String assignedChannelId, Instant dueAt, boolean overdue) {
    }
}
