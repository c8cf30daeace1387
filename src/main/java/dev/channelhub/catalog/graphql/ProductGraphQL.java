package dev.channelhub.catalog.graphql;

import dev.channelhub.catalog.CreateProductRequest;
import dev.channelhub.catalog.ProductPatch;
import dev.channelhub.catalog.ProductService;
import dev.channelhub.catalog.ProductView;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@CodedErrors
public class ProductGraphQL {

    @Inject
    ProductService service;

    @Inject
    CurrentCaller caller;

    @Query("product")
    public Uni<ProductView> product(@NonNull String sku) {
        return service.get(caller.get(), sku);
    }

    @Mutation("createProduct")
    public Uni<ProductView> createProduct(@NonNull CreateProductRequest input, String idempotencyKey) {
        return service.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("updateProduct")
    public Uni<ProductView> updateProduct(@NonNull String sku, @NonNull ProductPatch input, Integer version) {
        return service.update(caller.get(), sku, input, version);
    }
}
