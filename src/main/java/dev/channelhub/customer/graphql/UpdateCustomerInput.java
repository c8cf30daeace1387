package dev.channelhub.customer.graphql;

import dev.channelhub.customer.CustomerType;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** GraphQL form of {@code CustomerPatch}: {@code attributes} is a JSON object encoded as a string. */
@Input("UpdateCustomerInput")
public record UpdateCustomerInput(String name, CustomerType type,
                                  @Description("Price segment, e.g. VIP; \"\" clears it") String group,
                                  List<String> tags,
                                  @Description("A JSON object, encoded as a string; replaces the attributes") String attributes,
                                  @Id @Description("\"\" clears it") String ownerChannelId) {
}
