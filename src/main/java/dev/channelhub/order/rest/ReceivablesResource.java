package dev.channelhub.order.rest;

import dev.channelhub.order.OrderService;
import dev.channelhub.order.ReceivablesView;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/channels/{id}/receivables")
@Authenticated
@Tag(name = "Orders")
public class ReceivablesResource {

    @Inject
    OrderService service;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<ReceivablesView> receivables(@PathParam("id") String id) {
        return service.receivables(caller.get(), Ids.parseOrNotFound(id, "channel"));
    }
}
