package dev.channelhub.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** {@code POST /customers/identify} body and the GraphQL {@code IdentifyCustomerInput}. */
@Input("IdentifyCustomerInput")
public record IdentifyRequest(
        @NonNull @Id @NotBlank String channelId,
        @Size(max = 200) String name,
        CustomerType type,
        @Size(max = 64) String group,
        @NonNull @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid IdentityInput> identities) {
}
