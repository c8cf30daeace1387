package dev.channelhub.customer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The lead side of the customer 360° view, provided by the lead feature; batched over customers. */
public interface CustomerOpenLeads {

    Uni<Map<UUID, List<OpenLead>>> openLeads(SqlClient client, String tenant, List<UUID> customerIds);

    record OpenLead(String id, String status, String assignedChannelId, String category, BigDecimal estimatedValue,
                    Instant createdAt) {
    }
}
