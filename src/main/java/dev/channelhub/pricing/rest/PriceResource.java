package dev.channelhub.pricing.rest;

import dev.channelhub.pricing.PriceConflictsView;
import dev.channelhub.pricing.PriceService;
import dev.channelhub.pricing.QuoteRequest;
import dev.channelhub.pricing.QuoteView;
import dev.channelhub.shared.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import dev.channelhub.shared.web.Params;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/prices")
@Authenticated
@Tag(name = "Prices")
public class PriceResource {

    @Inject
    PriceService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/conflicts")
    @APIResponse(responseCode = "200", description = "Resolved unit price per active channel type and targeted channel group; below-floor prices flagged")
    public Uni<PriceConflictsView> conflicts(@QueryParam("sku") String sku, @QueryParam("currency") String currency,
                                             @QueryParam("at") String at) {
        return service.conflicts(caller.get(), sku, currency, Params.instant(at, "at"));
    }

    @POST
    @Path("/quote")
    @APIResponse(responseCode = "200", description = "Every line priced and explained; 422 NO_PRICE names each SKU without a price")
    public Uni<QuoteView> quote(@RequestBody(required = true) QuoteRequest request) {
        return service.quote(caller.get(), request);
    }
}
