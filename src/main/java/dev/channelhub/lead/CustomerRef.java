package dev.channelhub.lead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** The customer of a lead or deal, resolved through the customer feature's identity resolution. */
@Input("LeadCustomerInput")
public record CustomerRef(
        @NotEmpty @Size(max = 20) List<@Valid IdentityRef> identities,
        @Size(max = 200) String name) {
}
