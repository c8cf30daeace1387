package dev.channelhub.support;

import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

import java.util.List;

/**
 * Installs {@link OpenApiValidation} for every {@code @QuarkusTest} (registered in META-INF/services, so no test can
 * forget it), switches request checks off for a method annotated {@link InvalidRequests}, and fails a test whose calls
 * broke the contract on another thread (where the filter's own AssertionError may have been swallowed).
 */
public class OpenApiValidationCallback implements QuarkusTestBeforeEachCallback, QuarkusTestAfterEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        OpenApiValidation.install();
        OpenApiValidation.checkRequests(!context.getTestMethod().isAnnotationPresent(InvalidRequests.class));
        OpenApiValidation.drainViolations();
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        OpenApiValidation.checkRequests(true);
        List<String> violations = OpenApiValidation.drainViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " call(s) broke openapi/openapi.json:\n" + String.join("\n", violations));
        }
    }
}
