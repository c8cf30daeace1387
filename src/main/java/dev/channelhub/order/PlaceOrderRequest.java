package dev.channelhub.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** {@code POST /orders} body and the GraphQL {@code PlaceOrderInput}. */
@Input("PlaceOrderInput")
public record PlaceOrderRequest(
        @NotBlank String channelId,
        @Description("An existing customer; or give `customer` to identify one; neither: the channel's own purchase") String customerId,
        @Valid OrderCustomerInput customer,
        @Size(min = 3, max = 3) String currency,
        @NotNull @NotEmpty @Size(max = 200) List<@NotNull @Valid OrderLineRequest> lines,
        @Valid ShippingAddress shippingAddress,
        @Size(max = 2000) String note,
        @Size(max = 200) String externalRef,
        @Description("A stock hold of the same channel to consume") String holdId) {
}
