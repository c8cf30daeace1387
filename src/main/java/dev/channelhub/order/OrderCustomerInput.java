package dev.channelhub.order;

import dev.channelhub.customer.IdentityInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** A customer given by identities: resolved (or created) by the customer feature in the order's transaction. */
@Input("OrderCustomerInput")
public record OrderCustomerInput(
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid IdentityInput> identities,
        @Size(max = 200) String name) {
}
