package dev.channelhub.lead;

import dev.channelhub.order.OrderPlacedHook;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Remembers each order's channel (lead conversion attribution) and counts channel conflicts against protected deals. */
@ApplicationScoped
public class DealOrderHook implements OrderPlacedHook {

    @Inject
    DealService deals;

    @Override
    public Uni<Void> onPlaced(SqlClient tx, Caller caller, PlacedOrder order) {
        return deals.recordOrder(tx, caller, order);
    }
}
