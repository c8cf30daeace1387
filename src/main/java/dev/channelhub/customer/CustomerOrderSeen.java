package dev.channelhub.customer;

import dev.channelhub.order.OrderPlacedHook;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** An order through a channel means the channel has seen the customer (360 channels, partner visibility). */
@ApplicationScoped
public class CustomerOrderSeen implements OrderPlacedHook {

    @Inject
    CustomerRepository customers;

    @Override
    public Uni<Void> onPlaced(SqlClient tx, Caller caller, PlacedOrder order) {
        if (order.customerId() == null || order.channelId() == null) {
            return Uni.createFrom().voidItem();
        }
        return customers.seen(tx, caller.tenant(), order.customerId(), order.channelId(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
