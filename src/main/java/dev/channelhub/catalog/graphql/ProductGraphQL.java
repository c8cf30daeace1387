package dev.channelhub.catalog.graphql;

import dev.channelhub.catalog.CreateProductRequest;
import dev.channelhub.catalog.ProductPatch;
import dev.channelhub.catalog.ProductRepository.ProductFilter;
import dev.channelhub.catalog.ProductService;
import dev.channelhub.catalog.ProductStatus;
import dev.channelhub.catalog.ProductView;
import dev.channelhub.pricing.PriceService;
import dev.channelhub.pricing.graphql.CatalogContext;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
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

@GraphQLApi
@CodedErrors
public class ProductGraphQL {

    @Inject
    ProductService service;

    @Inject
    PriceService prices;

    @Inject
    CatalogContext catalog;

    @Inject
    CurrentCaller caller;

    @Query("product")
    public Uni<ProductView> product(@NonNull String sku) {
        return service.get(caller.get(), sku);
    }

    @Query("products")
    @Description("The catalogue; with channelId only the products that channel has a price for (partners: their own channel only)")
    public Uni<ProductConnection> products(@Id String channelId, Integer first, String after, String category, String q,
                                           ProductStatus status, @Id @Description("Default customer for price") String customerId) {
        PageRequest page = PageRequest.of(first, after, "first", "after");
        ProductFilter filter = new ProductFilter(blank(category), status, blank(q));
        if (channelId == null) {
            return service.list(caller.get(), filter, page).map(ProductConnection::of);
        }
        catalog.browse(channelId, customerId);
        return prices.catalogPage(caller.get(), channelId, customerId, null, filter, page).map(ProductConnection::of);
    }

    @Mutation("createProduct")
    public Uni<ProductView> createProduct(@NonNull CreateProductRequest input, String idempotencyKey) {
        return service.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("updateProduct")
    public Uni<ProductView> updateProduct(@NonNull String sku, @NonNull ProductPatch input, Integer version) {
        return service.update(caller.get(), sku, input, version);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
