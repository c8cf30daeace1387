package dev.channelhub.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.channelhub.catalog.CreateProductRequest;
import dev.channelhub.catalog.ProductPatch;
import dev.channelhub.catalog.ProductFilter;
import dev.channelhub.catalog.ProductService;
import dev.channelhub.catalog.ProductStatus;
import dev.channelhub.catalog.ProductView;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import dev.channelhub.shared.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/products")
@Authenticated
@Tag(name = ApiTags.PRODUCTS, description = ApiTags.PRODUCTS_TEXT)
public class ProductResource {

    @Inject
    ProductService service;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "201", description = "Created (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @Operation(operationId = "createProduct", summary = "Create a product",
            description = "Creates a product (SKU, name, category, unit, floor price). Managers and integrations; 409 DUPLICATE"
                    + " when the SKU exists; Idempotency-Key honoured.")
    public Uni<RestResponse<ProductView>> create(@RequestBody(required = true) CreateProductRequest request,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.create(caller.get(), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/{sku}")
    @Operation(operationId = "getProduct", summary = "Get a product",
            description = "One product by SKU, with its version as ETag. Every role (partners: only SKUs their channel may "
                    + "order); 404 for an unknown SKU.")
    public Uni<RestResponse<ProductView>> get(@PathParam("sku") String sku) {
        return service.get(caller.get(), sku).map(v -> Http.ok(v, v.version()));
    }

    @GET
    @Operation(operationId = "listProducts", summary = "List products",
            description = "The catalogue of products filtered by category, status or text, paged by cursor. Every role "
                    + "(partners see what their channel may order).")
    public Uni<Page<ProductView>> list(@QueryParam("category") String category, @QueryParam("status") String status,
                                       @QueryParam("q") String q, @QueryParam("limit") String limit,
                                       @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), new ProductFilter(blank(category), Params.enumValue(ProductStatus.class, status, "status"),
                blank(q)), PageRequest.of(limit, cursor));
    }

    @PATCH
    @Path("/{sku}")
    @APIResponse(responseCode = "200", description = "Updated; 422 PRICE_BELOW_FLOOR lists the entries below a raised floor unless force",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @Operation(operationId = "updateProduct", summary = "Update a product",
            description = "JSON merge-patch of a product; If-Match is honoured (412 VERSION_CONFLICT). Managers and "
                    + "integrations.")
    public Uni<RestResponse<ProductView>> update(@PathParam("sku") String sku, @RequestBody(required = true) ProductPatch patch,
                                @HeaderParam(Http.IF_MATCH) String ifMatch) {
        Integer expected = Http.ifMatch(ifMatch);
        return service.update(caller.get(), sku, patch, expected).map(v -> Http.ok(v, v.version()));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
