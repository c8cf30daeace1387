package dev.channelhub.pricing.graphql;

import dev.channelhub.catalog.ProductFilter;
import dev.channelhub.catalog.ProductService;
import dev.channelhub.catalog.ProductStatus;
import dev.channelhub.catalog.graphql.ProductConnection;
import dev.channelhub.pricing.PriceService;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Query;

/**
 * The {@code products} root field. It lives in pricing because with a channel it is the priced catalogue
 * ({@link PriceService#catalogPage}); without one it is the plain product list of catalog, which pricing may call
 * (catalog never calls pricing: the feature graph stays acyclic).
 */
@GraphQLApi
@CodedErrors
public class CatalogGraphQL {

    @Inject
    ProductService products;

    @Inject
    PriceService prices;

    @Inject
    CatalogContext catalog;

    @Inject
    CurrentCaller caller;

    @Query("products")
    @Description("The catalogue; with channelId only the products that channel has a price for (partners: their own channel only)")
    public Uni<ProductConnection> products(@Id String channelId, Integer first, String after, String category, String q,
                                           ProductStatus status, @Id @Description("Default customer for price") String customerId) {
        PageRequest page = PageRequest.of(first, after, "first", "after");
        ProductFilter filter = new ProductFilter(blank(category), status, blank(q));
        if (channelId == null) {
            return products.list(caller.get(), filter, page).map(ProductConnection::of);
        }
        catalog.browse(channelId, customerId);
        return prices.catalogPage(caller.get(), channelId, customerId, null, filter, page).map(ProductConnection::of);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
