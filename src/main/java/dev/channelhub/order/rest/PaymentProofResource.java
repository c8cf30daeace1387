package dev.channelhub.order.rest;

import dev.channelhub.order.PaymentProofService;
import dev.channelhub.order.PaymentProofView;
import dev.channelhub.order.RejectPaymentProofRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/payment-proofs")
@Authenticated
@Tag(name = ApiTags.ORDERS, description = ApiTags.ORDERS_TEXT)
public class PaymentProofResource {

    private final PaymentProofService proofs;
    private final CurrentCaller caller;

    public PaymentProofResource(PaymentProofService proofs, CurrentCaller caller) {
        this.proofs = proofs;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/accept")
    @Operation(operationId = "acceptPaymentProof", summary = "Accept a payment proof",
            description = "Records the proof's payment with the rules of recordPayment (409 INVALID_TRANSITION when the order "
                    + "cannot be paid, 422 OVERPAYMENT above the outstanding amount) and marks the proof ACCEPTED, in one "
                    + "transaction. Idempotent: accepting an accepted proof answers it again and records no second payment; a "
                    + "rejected proof is 409 INVALID_TRANSITION. Managers, admins and integrations (finance). On the order's "
                    + "timeline; emits paymentProof.accepted and order.paid.")
    public Uni<PaymentProofView> accept(@PathParam("id") String id) {
        return proofs.accept(caller.get(), Ids.parseOrNotFound(id, "payment proof"));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectPaymentProof", summary = "Reject a payment proof",
            description = "Marks a SUBMITTED proof REJECTED with a reason; nothing is recorded (an accepted or rejected proof: 409 "
                    + "INVALID_TRANSITION). Managers, admins and integrations (finance). On the order's timeline; emits "
                    + "paymentProof.rejected.")
    public Uni<PaymentProofView> reject(@PathParam("id") String id, @RequestBody(required = true) RejectPaymentProofRequest request) {
        return proofs.reject(caller.get(), Ids.parseOrNotFound(id, "payment proof"), request);
    }
}
