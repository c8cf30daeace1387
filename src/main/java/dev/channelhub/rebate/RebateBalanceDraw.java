package dev.channelhub.rebate;

import dev.channelhub.order.PaymentBalanceDraw;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.FieldError;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code method: "REBATE"}: the payment draws the order's channel's rebate balance (conditional update, never below the amount). */
@ApplicationScoped
public class RebateBalanceDraw implements PaymentBalanceDraw {

    public static final String METHOD = "REBATE";

    private final RebateRepository repo;

    public RebateBalanceDraw(RebateRepository repo) {
        this.repo = repo;
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Uni<Void> draw(SqlClient tx, Caller caller, UUID channelId, String currency, BigDecimal amount, UUID orderId, UUID paymentId,
                          Instant at) {
        return repo.draw(tx, caller.tenant(), channelId, currency, amount, at).flatMap(after -> {
            if (after.isEmpty()) {
                throw new ApiException(ErrorCode.INSUFFICIENT_REBATE_BALANCE, "the channel's rebate balance in " + currency
                        + " does not cover " + amount.toPlainString(), List.of(new FieldError("amount", "more than the rebate balance")));
            }
            return repo.drawLedger(tx, caller.tenant(), Ids.newId(), channelId, currency, amount.negate(), orderId, paymentId,
                    caller.subject(), at);
        });
    }
}
