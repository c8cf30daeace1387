package dev.channelhub.customer.rest;

import dev.channelhub.customer.CustomerService;
import dev.channelhub.customer.IdentifyRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.Http;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers")
@Authenticated
@Tag(name = "Customers")
public class CustomerResource {

    @Inject
    CustomerService service;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("/identify")
    @APIResponse(responseCode = "201", description = "A new customer: no identity was known")
    @APIResponse(responseCode = "200", description = "The known customer (new identities attached; several matches merged into the oldest)")
    public Uni<Response> identify(@RequestBody(required = true) IdentifyRequest request,
                                  @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.identify(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "customer")).map(v -> Http.ok(v, v.version()));
    }
}
