package dev.channelhub.lead;

import dev.channelhub.customer.CustomerService;
import dev.channelhub.customer.CustomerStatus;
import dev.channelhub.customer.IdentifyRequest;
import dev.channelhub.customer.IdentityInput;
import dev.channelhub.customer.IdentityKind;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** Resolves the customer of a lead or deal through the customer feature's identify, in the caller's transaction. */
@ApplicationScoped
public class CustomerResolver {

    @Inject
    CustomerService customers;

    /** {@code channelId}: the channel the customer was seen through (identify records it). */
    public Uni<UUID> resolve(SqlClient tx, Caller caller, UUID channelId, CustomerRef ref) {
        IdentifyRequest request = new IdentifyRequest(channelId.toString(), ref.name(), null, null,
                ref.identities().stream().map(i -> new IdentityInput(IdentityKind.valueOf(i.kind()), i.value())).toList());
        return customers.identify(tx, caller, request).map(result -> UUID.fromString(result.customer().id()));
    }

    /** The customer {@code customerId} is now: itself, or the customer it was merged into (null when unknown). */
    public Uni<UUID> current(SqlClient tx, String tenant, UUID customerId) {
        return customers.find(tx, tenant, customerId).map(found -> found
                .map(c -> c.status() == CustomerStatus.MERGED && c.mergedInto() != null ? UUID.fromString(c.mergedInto()) : c.uuid())
                .orElse(null));
    }
}
