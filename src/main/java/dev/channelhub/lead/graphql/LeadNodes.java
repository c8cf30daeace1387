package dev.channelhub.lead.graphql;

import dev.channelhub.lead.DealService;
import dev.channelhub.lead.LeadRoutingRules;
import dev.channelhub.lead.LeadService;
import dev.channelhub.shared.relay.NodeKind;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The lead types that Query.node(id) resolves (shared/relay/NodeService), each through its service's read-one use case. */
@ApplicationScoped
public class LeadNodes {

    @Produces
    @Unremovable
    NodeKind lead(LeadService service) {
        return NodeKind.of("Lead", "lead", service::get);
    }

    @Produces
    @Unremovable
    NodeKind deal(DealService service) {
        return NodeKind.of("Deal", "deal", service::get);
    }

    @Produces
    @Unremovable
    NodeKind leadRoutingRule(LeadRoutingRules service) {
        return NodeKind.of("LeadRoutingRule", "lead_routing_rule", service::get);
    }
}
