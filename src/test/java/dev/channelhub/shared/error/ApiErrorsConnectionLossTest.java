package dev.channelhub.shared.error;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A database that goes away mid-request is 503 SERVICE_UNAVAILABLE, never 500 (found by bench/fault-pg-restart.sh:
 * requests in flight when PostgreSQL stopped failed with Vert.x's ClosedConnectionException, "Failed to read any
 * response from the server ...", which was not recognised and answered 500 INTERNAL_ERROR).
 */
class ApiErrorsConnectionLossTest {

    @Test
    void closedConnectionIs503() {
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, ApiErrors.from(ClosedConnectionException.INSTANCE).code());
    }

    @Test
    void closedConnectionWrappedIs503() {
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, ApiErrors.from(new RuntimeException("query failed", ClosedConnectionException.INSTANCE)).code());
    }

    @Test
    void failedToReadMessageIs503() {
        VertxException e = new VertxException("Failed to read any response from the server, the underlying connection may have been lost unexpectedly.", true);
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, ApiErrors.from(e).code());
    }

    @Test
    void refusedConnectionIs503() {
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, ApiErrors.from(new ConnectException("Connection refused")).code());
    }

    @Test
    void anUnknownFailureIsStill500() {
        assertEquals(ErrorCode.INTERNAL_ERROR, ApiErrors.from(new IllegalStateException("boom")).code());
    }
}
