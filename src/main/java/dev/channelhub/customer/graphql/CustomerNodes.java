package dev.channelhub.customer.graphql;

import dev.channelhub.customer.CustomerService;
import dev.channelhub.shared.relay.NodeKind;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The customer types that Query.node(id) resolves (shared/relay/NodeService), each through its service's read-one use case. */
@ApplicationScoped
public class CustomerNodes {

    @Produces
    @Unremovable
    NodeKind customer(CustomerService service) {
        return NodeKind.of("Customer", "customer", service::get);
    }
}
