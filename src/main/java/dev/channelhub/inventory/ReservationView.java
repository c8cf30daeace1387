package dev.channelhub.inventory;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** What an order or hold has reserved at one location. */
@Type("Reservation")
public record ReservationView(@NonNull String locationCode, @NonNull String sku, long quantity) {
}
