package dev.channelhub.customer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a partner sees of a customer (contract part 2, §6), in one place. The same {@link CustomerView} record,
 * with what the partner may not see emptied:
 * <ul>
 *   <li>{@code name}: the customer's name when the partner's channel owns the customer, otherwise the name the
 *       partner's own channel recorded when it identified the customer (null when it gave none);</li>
 *   <li>{@code tags}, {@code attributes}: only when its channel owns the customer (it may PATCH those), else empty;</li>
 *   <li>{@code group}: never (a price segment only the brand sets);</li>
 *   <li>{@code originChannelId}, {@code ownerChannelId}: only when they are the partner's own channel.</li>
 * </ul>
 * Identities, channels, touchpoints, orders, leads and stats are narrowed to the partner's channel where they are read.
 */
final class CustomerProjection {

    private CustomerProjection() {
    }

    static CustomerView forPartner(CustomerView c, UUID channel, String channelName) {
        String own = channel.toString();
        boolean owner = own.equals(c.ownerChannelId());
        return new CustomerView(c.id(), c.status(), c.mergedInto(), owner ? c.name() : channelName, c.type(), null,
                owner ? c.tags() : List.of(), owner ? c.attributes() : Map.of(), own.equals(c.originChannelId()) ? own : null,
                owner ? own : null, c.version(), c.createdAt(), c.updatedAt());
    }
}
