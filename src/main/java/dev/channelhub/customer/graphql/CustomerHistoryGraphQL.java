package dev.channelhub.customer.graphql;

import dev.channelhub.customer.CustomerService;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The GraphQL face of GET /customers/{id}/history. */
@GraphQLApi
@CodedErrors
public class CustomerHistoryGraphQL {

    @Inject
    CustomerService customers;

    @Inject
    CurrentCaller caller;

    @Query("customerHistory")
    @Description("A customer's created, merged, unmerged and updated entries with actor and reason, oldest first. Whoever may "
            + "read the customer (a partner: only entries through its own channel); NOT_FOUND otherwise.")
    public Uni<CustomerHistoryConnection> customerHistory(@NonNull @Id String id, Integer first, String after) {
        return customers.history(caller.get(), Ids.parseOrNotFound(id, "customer"), PageRequest.of(first, after, "first", "after"))
                .map(CustomerHistoryConnection::of);
    }
}
