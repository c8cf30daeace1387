package dev.channelhub.pricing.graphql;

import dev.channelhub.pricing.PriceListService;
import dev.channelhub.pricing.PromotionService;
import dev.channelhub.shared.relay.NodeKind;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The pricing types that Query.node(id) resolves (shared/relay/NodeService), each through its service's read-one use case. */
@ApplicationScoped
public class PricingNodes {

    @Produces
    @Unremovable
    NodeKind priceList(PriceListService service) {
        return NodeKind.of("PriceList", "price_list", service::get);
    }

    @Produces
    @Unremovable
    NodeKind promotion(PromotionService service) {
        return NodeKind.of("Promotion", "promotion", service::get);
    }
}
