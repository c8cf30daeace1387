package dev.channelhub.inventory.graphql;

import dev.channelhub.inventory.CreateHoldRequest;
import dev.channelhub.inventory.CreateLocationRequest;
import dev.channelhub.inventory.HoldService;
import dev.channelhub.inventory.HoldView;
import dev.channelhub.inventory.LedgerEntryView;
import dev.channelhub.inventory.LocationPatch;
import dev.channelhub.inventory.LocationService;
import dev.channelhub.inventory.LocationView;
import dev.channelhub.inventory.SetStockRequest;
import dev.channelhub.inventory.StockAdjustmentRequest;
import dev.channelhub.inventory.StockLevelView;
import dev.channelhub.inventory.StockService;
import dev.channelhub.inventory.StockView;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
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

@GraphQLApi
@CodedErrors
public class InventoryGraphQL {

    @Inject
    LocationService locations;

    @Inject
    StockService stock;

    @Inject
    HoldService holds;

    @Inject
    CurrentCaller caller;

    @Query("location")
    public Uni<LocationView> location(@NonNull @Id String id) {
        return locations.get(caller.get(), Ids.parseOrNotFound(id, "location"));
    }

    @Query("locations")
    public Uni<LocationConnection> locations(Integer first, String after) {
        return locations.list(caller.get(), PageRequest.of(first, after, "first", "after")).map(LocationConnection::of);
    }

    @Query("stock")
    @Description("A SKU's stock per location and available to promise for the channel (partners: their own channel)")
    public Uni<StockView> stock(@NonNull String sku, @Id String channelId) {
        return stock.stock(caller.get(), sku, Ids.parseNullable(channelId, "channelId"));
    }

    @Query("stockLedger")
    public Uni<StockLedgerConnection> stockLedger(String sku, String locationCode, Integer first, String after) {
        return stock.ledger(caller.get(), sku, locationCode, PageRequest.of(first, after, "first", "after"))
                .map(StockLedgerConnection::of);
    }

    @Query("stockHold")
    public Uni<HoldView> stockHold(@NonNull @Id String id) {
        return holds.get(caller.get(), Ids.parseOrNotFound(id, "hold"));
    }

    @Mutation("createLocation")
    public Uni<LocationView> createLocation(@NonNull CreateLocationRequest input, String idempotencyKey) {
        return locations.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("updateLocation")
    @Description("Renames, re-prioritises or re-targets a location (code and type stay); version: optimistic check")
    public Uni<LocationView> updateLocation(@NonNull @Id String id, @NonNull LocationPatch input, Integer version) {
        return locations.update(caller.get(), Ids.parseOrNotFound(id, "location"), input, version);
    }

    @Mutation("setStock")
    public Uni<StockLevelView> setStock(@NonNull String locationCode, @NonNull String sku, long onHand, String reason, Integer version) {
        return stock.set(caller.get(), locationCode, sku, new SetStockRequest(onHand, reason), version);
    }

    @Mutation("adjustStock")
    public Uni<LedgerEntryView> adjustStock(@NonNull StockAdjustmentRequest input, String idempotencyKey) {
        return stock.adjust(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("holdStock")
    public Uni<HoldView> holdStock(@NonNull CreateHoldRequest input, String idempotencyKey) {
        return holds.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("releaseHold")
    public Uni<HoldView> releaseHold(@NonNull @Id String id) {
        return holds.release(caller.get(), Ids.parseOrNotFound(id, "hold"));
    }
}
