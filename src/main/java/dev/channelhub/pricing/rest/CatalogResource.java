package dev.channelhub.pricing.rest;

import dev.channelhub.catalog.ProductFilter;
import dev.channelhub.pricing.CatalogItemView;
import dev.channelhub.pricing.PriceService;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ordering portal's first screen: what a channel can buy and at which price. */
@Path("/api/v1/channels/{channelId}/catalog")
@Authenticated
@Tag(name = ApiTags.PRICES, description = ApiTags.PRICES_TEXT)
public class CatalogResource {

    @Inject
    PriceService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listChannelCatalog", summary = "A channel's catalogue with prices",
            description = "The products a channel has a price for, with its unit price and available to promise, paged by "
                    + "cursor. Managers, sales, integrations; a partner only its own channel (others 404).")
    public Uni<Page<CatalogItemView>> catalog(@PathParam("channelId") String channelId, @QueryParam("category") String category,
                                              @QueryParam("q") String q, @QueryParam("customerId") String customerId,
                                              @QueryParam("currency") String currency, @QueryParam("quantity") String quantity,
                                              @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.catalog(caller.get(), Ids.parseOrNotFound(channelId, "channel").toString(), blank(customerId), blank(currency), Params.integer(quantity, "quantity"),
                new ProductFilter(blank(category), null, blank(q)), PageRequest.of(limit, cursor));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
