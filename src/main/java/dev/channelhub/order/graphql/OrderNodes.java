package dev.channelhub.order.graphql;

import dev.channelhub.order.OrderQueryService;
import dev.channelhub.shared.relay.NodeKind;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The order types that Query.node(id) resolves (shared/relay/NodeService), each through its service's read-one use case. */
@ApplicationScoped
public class OrderNodes {

    @Produces
    @Unremovable
    NodeKind order(OrderQueryService service) {
        return NodeKind.of("Order", "sales_order", service::get);
    }
}
