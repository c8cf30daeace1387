package dev.channelhub.order;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

/** Where an order goes. */
@Type("ShippingAddress")
@Input("ShippingAddressInput")
public record ShippingAddress(
        @Size(max = 200) String name,
        @Size(max = 64) String phone,
        @Size(max = 500) String line1,
        @Size(max = 500) String line2,
        @Size(max = 100) String city,
        @Size(max = 100) String region,
        @Size(max = 20) String postalCode,
        @Size(min = 2, max = 2) String country) {
}
