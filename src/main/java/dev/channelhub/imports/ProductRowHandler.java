package dev.channelhub.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channelhub.catalog.CreateProductRequest;
import dev.channelhub.catalog.ProductService;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code POST /imports/products}: rows are {@code CreateProductRequest}s (sku,name,category,unit,floorPrice,currency,status). */
@ApplicationScoped
public class ProductRowHandler implements ImportRowHandler {

    @Inject
    ProductService products;

    @Inject
    ObjectMapper mapper;

    @Override
    public String kind() {
        return "products";
    }

    @Override
    public Uni<Void> apply(Caller caller, ObjectNode row) {
        return Uni.createFrom().item(() -> Rows.convert(mapper, row, CreateProductRequest.class))
                .flatMap(request -> products.create(caller, request, null)).replaceWithVoid();
    }
}
