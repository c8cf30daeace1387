package dev.channelhub.shared.error;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A statement cancelled by the pools' statement_timeout (SQLSTATE 57014) is 503 REQUEST_TIMEOUT, never 500 (issue 21). */
class ApiErrorsTimeoutTest {

    @Test
    void aCancelledStatementIsRequestTimeout() {
        PgException cancelled = new PgException("canceling statement due to statement timeout", "ERROR", "57014", null);
        ApiException e = ApiErrors.from(new RuntimeException("query failed", cancelled));
        assertEquals(ErrorCode.REQUEST_TIMEOUT, e.code());
        assertEquals(503, e.code().status());
    }
}
