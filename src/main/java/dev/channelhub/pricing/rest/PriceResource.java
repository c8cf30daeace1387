package dev.channelhub.pricing.rest;

import dev.channelhub.pricing.PriceConflictsView;
import dev.channelhub.pricing.PriceService;
import dev.channelhub.pricing.QuoteRequest;
import dev.channelhub.pricing.QuoteView;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import dev.channelhub.shared.web.Params;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/prices")
@Authenticated
@Tag(name = ApiTags.PRICES, description = ApiTags.PRICES_TEXT)
public class PriceResource {

    @Inject
    PriceService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/conflicts")
    @APIResponse(responseCode = "200", description = "Resolved unit price per active channel type and targeted channel group; below-floor prices flagged")
    @Operation(operationId = "getPriceConflicts", summary = "Price conflicts of a SKU",
            description = "The resolved unit price of a SKU per active channel type and targeted group, with prices below the "
                    + "floor flagged. Managers and sales.")
    public Uni<PriceConflictsView> conflicts(@QueryParam("sku") String sku, @QueryParam("currency") String currency,
                                             @QueryParam("at") String at) {
        return service.conflicts(caller.get(), sku, currency, Params.instant(at, "at"));
    }

    @POST
    @Path("/quote")
    @APIResponse(responseCode = "200", description = "Every line priced and explained; 422 NO_PRICE names each SKU without a price")
    @Operation(operationId = "quotePrices", summary = "Quote prices",
            description = "Resolves the unit price of each line for a channel (and customer) with the price engine, with an "
                    + "explanation; writes nothing. Managers, sales, integrations and a partner for its own channel; 422 "
                    + "NO_PRICE for a SKU without a price.")
    public Uni<QuoteView> quote(@RequestBody(required = true) QuoteRequest request) {
        return service.quote(caller.get(), request);
    }
}
