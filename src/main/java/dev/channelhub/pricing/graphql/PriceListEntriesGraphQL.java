package dev.channelhub.pricing.graphql;

import dev.channelhub.pricing.PriceEntriesRequest;
import dev.channelhub.pricing.PriceListService;
import dev.channelhub.pricing.PriceListView;
import dev.channelhub.pricing.PromotionService;
import dev.channelhub.pricing.PromotionView;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The GraphQL face of GET/PUT /price-lists/{id}/entries and GET /promotions/{id}: the same service calls. */
@GraphQLApi
@CodedErrors
public class PriceListEntriesGraphQL {

    @Inject
    PriceListService priceLists;

    @Inject
    PromotionService promotions;

    @Inject
    CurrentCaller caller;

    @Query("priceListEntries")
    @Description("The entries (SKU, price, minimum quantity) of one price list ordered by SKU and tier, optionally of one SKU. "
            + "Managers, sales and integrations; NOT_FOUND for an unknown list.")
    public Uni<PriceListEntryConnection> priceListEntries(@NonNull @Id String id, String sku, Integer first, String after) {
        return priceLists.entries(caller.get(), Ids.parseOrNotFound(id, "price list"), sku,
                PageRequest.of(first, after, "first", "after")).map(PriceListEntryConnection::of);
    }

    @Mutation("replacePriceListEntries")
    @Description("Upserts the entries by (sku, minQuantity) in one transaction, all or none; replace: true also deletes the "
            + "list's entries not in the input. Managers and integrations; PRICE_BELOW_FLOOR for an entry below its "
            + "product's floor; VERSION_CONFLICT when version does not match.")
    public Uni<PriceListView> replacePriceListEntries(@NonNull @Id String id, @NonNull PriceEntriesRequest input, Integer version) {
        return priceLists.putEntries(caller.get(), Ids.parseOrNotFound(id, "price list"), input, version);
    }

    @Query("promotion")
    @Description("One promotion. Managers, sales and integrations; NOT_FOUND for an unknown id.")
    public Uni<PromotionView> promotion(@NonNull @Id String id) {
        return promotions.get(caller.get(), Ids.parseOrNotFound(id, "promotion"));
    }
}
