package dev.channelhub.lead;

import dev.channelhub.customer.CustomerOpenLeads;
import dev.channelhub.shared.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Open leads (UNASSIGNED, NEW, ACCEPTED) for the customer 360°, newest first, one statement for any number of customers. */
@ApplicationScoped
public class LeadOpenLeads implements CustomerOpenLeads {

    @Inject
    LeadRepository leads;

    @Override
    public Uni<Map<UUID, List<OpenLead>>> openLeads(SqlClient client, String tenant, List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return leads.openLeads(client, tenant, customerIds).map(rows -> {
            Map<UUID, List<OpenLead>> out = new HashMap<>();
            rows.forEach(r -> {
                UUID assigned = r.getUUID("assigned_channel_id");
                out.computeIfAbsent(r.getUUID("customer_id"), k -> new ArrayList<>()).add(new OpenLead(r.getUUID("id").toString(),
                        r.getString("status"), assigned == null ? null : assigned.toString(), r.getString("category"),
                        Money.round(r.getBigDecimal("estimated_value"), r.getString("currency")),
                        r.getOffsetDateTime("created_at").toInstant()));
            });
            return out;
        });
    }
}
