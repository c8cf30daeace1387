package dev.channelhub.inventory.graphql;

import dev.channelhub.inventory.HoldService;
import dev.channelhub.inventory.LocationService;
import dev.channelhub.shared.relay.NodeKind;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The inventory types that Query.node(id) resolves (shared/relay/NodeService), each through its service's read-one use case. */
@ApplicationScoped
public class InventoryNodes {

    @Produces
    @Unremovable
    NodeKind location(LocationService service) {
        return NodeKind.of("Location", "stock_location", service::get);
    }

    @Produces
    @Unremovable
    NodeKind stockHold(HoldService service) {
        return NodeKind.of("StockHold", "stock_hold", service::get);
    }
}
