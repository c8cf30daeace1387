package dev.channelhub.order.graphql;

import dev.channelhub.order.PaymentProofService;
import dev.channelhub.order.PaymentProofView;
import dev.channelhub.order.RejectPaymentProofRequest;
import dev.channelhub.order.SubmitPaymentProofRequest;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@CodedErrors
public class PaymentProofGraphQL {

    private final PaymentProofService proofs;
    private final CurrentCaller caller;

    public PaymentProofGraphQL(PaymentProofService proofs, CurrentCaller caller) {
        this.proofs = proofs;
        this.caller = caller;
    }

    @Query("orderPaymentProofs")
    public Uni<@NonNull PaymentProofConnection> orderPaymentProofs(@NonNull @Id String orderId, Integer first, String after) {
        return proofs.ofOrder(caller.get(), Ids.parseOrNotFound(orderId, "order"), PageRequest.of(first, after, "first", "after"))
                .map(PaymentProofConnection::of);
    }

    @Mutation("submitPaymentProof")
    public Uni<PaymentProofView> submitPaymentProof(@NonNull @Id String orderId, @NonNull SubmitPaymentProofRequest input,
                                                    String idempotencyKey) {
        return proofs.submit(caller.get(), Ids.parseOrNotFound(orderId, "order"), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("acceptPaymentProof")
    public Uni<PaymentProofView> acceptPaymentProof(@NonNull @Id String id) {
        return proofs.accept(caller.get(), Ids.parseOrNotFound(id, "payment proof"));
    }

    @Mutation("rejectPaymentProof")
    public Uni<PaymentProofView> rejectPaymentProof(@NonNull @Id String id, @NonNull RejectPaymentProofRequest input) {
        return proofs.reject(caller.get(), Ids.parseOrNotFound(id, "payment proof"), input);
    }
}
