package dev.channelhub.order;

import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment method paid from a balance the channel holds (REBATE, implemented by the rebate feature): called in the
 * payment's transaction before the payment row is written, so a refusal (e.g. 422 INSUFFICIENT_REBATE_BALANCE) leaves
 * no payment and a payment never exists without its draw.
 */
public interface PaymentBalanceDraw {

    /** The payment {@code method} this draw serves, exactly as sent. */
    String method();

    Uni<Void> draw(SqlClient tx, Caller caller, UUID channelId, String currency, BigDecimal amount, UUID orderId, UUID paymentId,
                   Instant at);
}
