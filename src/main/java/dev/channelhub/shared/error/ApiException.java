package dev.channelhub.shared.error;

import dev.channelhub.shared.web.RequestIds;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

import java.util.List;
import java.util.Map;

/**
 * The one exception the services throw for anything a caller did or may not do. REST turns it into
 * problem+json; GraphQL reads {@link #getExtensions()} and shows the same {@code code}.
 */
public class ApiException extends RuntimeException implements GraphQLError {

    private final ErrorCode code;
    private final List<FieldError> errors;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ErrorCode code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " " + id + " not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ErrorCode.FORBIDDEN, detail);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiException(ErrorCode.VALIDATION_FAILED, detail, errors);
    }

    public static ApiException versionConflict(String what, long expected, long actual) {
        return new ApiException(ErrorCode.VERSION_CONFLICT, what + " is at version " + actual + ", not " + expected);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    // GraphQLError: graphql-java copies these extensions onto the error it reports for a failed field.
    @Override
    public Map<String, Object> getExtensions() {
        String requestId = RequestIds.current();
        return requestId == null ? Map.of("code", code.name()) : Map.of("code", code.name(), "requestId", requestId);
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return null;
    }
}
