package dev.channelhub.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channelhub.inventory.SetStockRequest;
import dev.channelhub.inventory.StockService;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code POST /imports/stock}: rows {@code locationCode, sku, onHand, reason?} set stock like {@code PUT /stock/{location}/{sku}}. */
@ApplicationScoped
public class StockRowHandler implements ImportRowHandler {

    @Inject
    StockService stock;

    @Inject
    ObjectMapper mapper;

    @Override
    public String kind() {
        return "stock";
    }

    @Override
    public Uni<Void> apply(Caller caller, ObjectNode row) {
        return Uni.createFrom().item(() -> {
            String location = text(row, "locationCode");
            String sku = text(row, "sku");
            ObjectNode body = row.deepCopy();
            body.remove("locationCode");
            body.remove("sku");
            return new Object[]{location, sku, Rows.convert(mapper, body, SetStockRequest.class)};
        }).flatMap(a -> stock.set(caller, (String) a[0], (String) a[1], (SetStockRequest) a[2], null)).replaceWithVoid();
    }

    private static String text(ObjectNode row, String field) {
        if (!row.hasNonNull(field) || !row.get(field).isTextual() || row.get(field).asText().isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        return row.get(field).asText();
    }
}
