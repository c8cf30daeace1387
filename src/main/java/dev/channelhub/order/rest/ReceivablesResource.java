package dev.channelhub.order.rest;

import dev.channelhub.order.OrderPaymentService;
import dev.channelhub.order.ReceivablesView;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/channels/{id}/receivables")
@Authenticated
@Tag(name = ApiTags.ORDERS, description = ApiTags.ORDERS_TEXT)
public class ReceivablesResource {

    @Inject
    OrderPaymentService payments;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "getChannelReceivables", summary = "A channel's receivables",
            description = "The outstanding, unpaid amount of a channel's non-cancelled orders against its credit limit. "
                    + "Managers, sales, integrations; a partner only for its own channel (others 404).")
    public Uni<ReceivablesView> receivables(@PathParam("id") String id) {
        return payments.receivables(caller.get(), Ids.parseOrNotFound(id, "channel"));
    }
}
