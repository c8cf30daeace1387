package dev.channelhub.lead;

import dev.channelhub.customer.CustomerLinked;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Leads and deals follow customer merges; each row keeps its original customer so an unmerge gives back exactly its own. */
@ApplicationScoped
public class LeadCustomerLinks implements CustomerLinked {

    private final LeadRepository leads;
    private final DealRepository deals;

    public LeadCustomerLinks(LeadRepository leads, DealRepository deals) {
        this.leads = leads;
        this.deals = deals;
    }

    @Override
    public Uni<Void> merge(SqlClient tx, String tenant, List<UUID> sources, UUID survivor) {
        if (sources.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return leads.followMerge(tx, tenant, sources, survivor).flatMap(x -> deals.followMerge(tx, tenant, sources, survivor));
    }

    @Override
    public Uni<Void> unmerge(SqlClient tx, String tenant, UUID source, UUID survivor) {
        return leads.followUnmerge(tx, tenant, source, survivor).flatMap(x -> deals.followUnmerge(tx, tenant, source, survivor));
    }
}
