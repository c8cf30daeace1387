package dev.channelhub.pricing.graphql;

import dev.channelhub.catalog.ProductView;
import dev.channelhub.inventory.StockService;
import dev.channelhub.pricing.CreatePriceListRequest;
import dev.channelhub.pricing.CreatePromotionRequest;
import dev.channelhub.pricing.PriceConflictsView;
import dev.channelhub.pricing.PriceListService;
import dev.channelhub.pricing.PriceListView;
import dev.channelhub.pricing.PriceService;
import dev.channelhub.pricing.PromotionService;
import dev.channelhub.pricing.PromotionView;
import dev.channelhub.pricing.QuoteLineView;
import dev.channelhub.pricing.QuoteRequest;
import dev.channelhub.pricing.QuoteView;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ArgumentBatches;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
@CodedErrors
public class PricingGraphQL {

    @Inject
    PriceService prices;

    @Inject
    PriceListService priceLists;

    @Inject
    PromotionService promotions;

    @Inject
    CatalogContext catalog;

    @Inject
    StockService stock;

    @Inject
    ArgumentBatches batches;

    @Inject
    CurrentCaller caller;

    @Query("priceQuote")
    @Description("The same engine as POST /prices/quote")
    public Uni<QuoteView> priceQuote(@NonNull QuoteRequest input) {
        return prices.quote(caller.get(), input);
    }

    @Name("price")
    @Description("This product's resolved price (null when it has none for that quantity). channelId defaults to the "
            + "products(channelId) being browsed, or a partner's own channel. Batched: one set of statements per page and "
            + "distinct set of arguments (aliases with different quantities are resolved separately).")
    public Uni<QuoteLineView> price(@Source ProductView product, Integer quantity, @Id String customerId,
                                    @Id String channelId, String currency) {
        PriceArgs args = new PriceArgs(caller.get(), channelId != null ? channelId : catalog.channelId(),
                customerId != null ? customerId : catalog.customerId(), currency, quantity);
        return batches.load("Product.price", args, product,
                (a, products) -> prices.prices(a.caller(), a.channelId(), a.customerId(), a.currency(), a.quantity(), products));
    }

    @Name("availableToPromise")
    @Description("Units this channel can still promise (on hand minus reserved, over the locations serving it). channelId "
            + "defaults to the products(channelId) being browsed, or a partner's own channel; without one, every location. "
            + "Batched: one statement per page and channel.")
    public Uni<Long> availableToPromise(@Source ProductView product, @Id String channelId) {
        StockArgs args = new StockArgs(caller.get(), channelId != null ? channelId : catalog.channelId());
        return batches.load("Product.availableToPromise", args, product, (a, products) -> {
            List<String> skus = products.stream().map(ProductView::sku).toList();
            return stock.availableToPromise(a.caller(), a.channelId(), skus)
                    .map(atp -> skus.stream().map(sku -> atp.getOrDefault(sku, 0L)).toList());
        });
    }

    private record PriceArgs(Caller caller, String channelId, String customerId, String currency, Integer quantity) {
    }

    private record StockArgs(Caller caller, String channelId) {
    }

    @Query("priceConflicts")
    @Description("HQ: the resolved unit price of a SKU per active channel type and targeted group, below-floor prices flagged")
    public Uni<PriceConflictsView> priceConflicts(@NonNull String sku, String currency, java.time.Instant at) {
        return prices.conflicts(caller.get(), sku, currency, at);
    }

    @Query("priceList")
    public Uni<PriceListView> priceList(@NonNull @Id String id) {
        return priceLists.get(caller.get(), Ids.parseOrNotFound(id, "price list"));
    }

    @Query("priceLists")
    public Uni<PriceListConnection> priceLists(Integer first, String after, String currency, String sku) {
        return priceLists.list(caller.get(), currency, sku, PageRequest.of(first, after, "first", "after")).map(PriceListConnection::of);
    }

    @Query("promotions")
    public Uni<PromotionConnection> promotions(Integer first, String after, String sku) {
        return promotions.list(caller.get(), sku, PageRequest.of(first, after, "first", "after")).map(PromotionConnection::of);
    }

    @Mutation("upsertPriceList")
    @Description("Creates the list with this code, or updates it and upserts its entries (floors enforced)")
    public Uni<PriceListView> upsertPriceList(@NonNull CreatePriceListRequest input, Integer version) {
        return priceLists.upsert(caller.get(), input, version);
    }

    @Mutation("createPromotion")
    public Uni<PromotionView> createPromotion(@NonNull CreatePromotionRequest input, String idempotencyKey) {
        return promotions.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }
}
