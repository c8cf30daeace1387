package dev.channelhub.catalog.graphql;

import dev.channelhub.catalog.ProductService;
import dev.channelhub.shared.relay.NodeKind;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Products for Query.node(id) (shared/relay/NodeService), through the service's read-one use case (partners without the
 * floor); nodes(ids) reads all of a call's products in one statement.
 */
@ApplicationScoped
public class ProductNodes {

    @Produces
    @Unremovable
    NodeKind product(ProductService service) {
        return NodeKind.batched("Product", "product", service::get, service::getAll);
    }
}
