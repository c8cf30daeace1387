package dev.channelhub.order.rest;

import dev.channelhub.order.PaymentProofService;
import dev.channelhub.order.PaymentProofView;
import dev.channelhub.order.SubmitPaymentProofRequest;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/orders/{id}/payment-proofs")
@Authenticated
@Tag(name = ApiTags.ORDERS, description = ApiTags.ORDERS_TEXT)
public class OrderPaymentProofResource {

    private final PaymentProofService proofs;
    private final CurrentCaller caller;

    public OrderPaymentProofResource(PaymentProofService proofs, CurrentCaller caller) {
        this.proofs = proofs;
        this.caller = caller;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Submitted (or the original answer replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentProofView.class)))
    @Operation(operationId = "submitPaymentProof", summary = "Submit a payment proof",
            description = "Tells finance the order was paid (status SUBMITTED); nothing is recorded until a proof is accepted. The "
                    + "partner whose channel placed the order, sales and managers (another partner 404). 409 INVALID_TRANSITION when "
                    + "the order cannot be paid in its state, 422 OVERPAYMENT above the outstanding amount. On the order's timeline; "
                    + "emits paymentProof.submitted; Idempotency-Key honoured.")
    public Uni<RestResponse<PaymentProofView>> submit(@PathParam("id") String id, @RequestBody(required = true) SubmitPaymentProofRequest request,
                                                      @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey) {
        return proofs.submit(caller.get(), Ids.parseOrNotFound(id, "order"), request, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Operation(operationId = "listOrderPaymentProofs", summary = "List an order's payment proofs",
            description = "The order's payment proofs, oldest first, paged by cursor. Whoever may read the order (a partner only "
                    + "its own channel's orders; others 404).")
    public Uni<Page<PaymentProofView>> list(@PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return proofs.ofOrder(caller.get(), Ids.parseOrNotFound(id, "order"), PageRequest.of(limit, cursor));
    }
}
